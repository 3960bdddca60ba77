// A TCP relay in front of Redis that a test can cut and restore: a Redis outage and its end.
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface RedisRelay {
  url(): string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function redisRelay(target: URL): Promise<RedisRelay> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const start = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  };
  await start();
  return { url: () => `redis://127.0.0.1:${port}`, start, stop };
}
