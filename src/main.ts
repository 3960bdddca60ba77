// Reads configuration, builds the app, listens. The only file with process-level effects.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { selectPlatform } from './platform/select-platform.js';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl);
const platform = await selectPlatform(config);
console.log(`Platform: ${platform.description}`);
const app = createApp({ database, platform: platform.client });
const server = createServer(app);

server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Takeover GraphQL API on http://${config.host}:${port}${app.graphqlEndpoint} (GraphiQL in a browser)`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: shutting down`);
  server.close();
  await platform.close();
  await database.db.$disconnect();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
