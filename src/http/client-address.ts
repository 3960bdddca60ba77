// The address a request came from, for the per-address limit. The socket's peer, unless the
// operator says how many reverse proxies stand in front (TRUST_PROXY_HOPS): each appends the
// address it received from to X-Forwarded-For, so the client is that many entries from the end,
// counting the socket's peer. Entries further left were written by the client and prove nothing.

export const UNKNOWN_ADDRESS = 'unknown';

/** What the HTTP server hands the app with each request (see server.ts; tests may pass their own). */
export interface ServerContext {
  req?: { socket?: { remoteAddress?: string | undefined } };
  /** Chosen by the server, so the errors it catches itself carry the same id. */
  requestId?: string;
}

export function clientAddress(request: Request, serverContext: ServerContext, trustedHops: number): string {
  const peer = serverContext.req?.socket?.remoteAddress ?? UNKNOWN_ADDRESS;
  if (trustedHops === 0) return peer;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}
