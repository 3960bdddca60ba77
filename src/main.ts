// Reads configuration, builds the app, listens. The only file with process-level effects.
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { selectPlatform } from './platform/select-platform.js';

const config = loadConfig();
const db = await openDatabase(config.databaseUrl);
const platform = await selectPlatform(config);
const app = createApp({ db, platform: platform.client });
const server = createServer(app);

server.listen(config.port, config.host, () => {
  console.log(`Takeover GraphQL API on http://${config.host}:${config.port}${app.graphqlEndpoint} (GraphiQL in a browser)`);
  console.log(`Platform: ${platform.description}`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: shutting down`);
  server.close();
  await platform.close();
  await db.$disconnect();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
