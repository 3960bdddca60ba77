// What the bound port answers before the service is ready, and what a failure to bind means.

const STARTING = JSON.stringify({
  errors: [{ message: 'The service is starting; retry in a moment.', extensions: { code: 'STARTING' } }],
});

/** Every request during start-up (migrations, recovery, the sandbox key): 503, retry in a second. */
export function startingUp(): Response {
  return new Response(STARTING, { status: 503, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' } });
}

/** One line for an operator when the port cannot be bound. */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'EADDRINUSE') return `port ${port} on ${host} is in use (another instance running?)`;
  if (error.code === 'EACCES') return `no permission to listen on port ${port} on ${host} (ports below 1024 need privileges)`;
  if (error.code === 'EADDRNOTAVAIL') return `cannot listen on ${host}: no such address on this machine (HOST)`;
  return `cannot listen on ${host}:${port}: ${error.message}`;
}
