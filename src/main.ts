// Reads configuration, builds the app, listens. The only file with process-level effects.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { CredentialCipher } from './auth/credential-cipher.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { TaskLifecycle } from './lifecycle/task-lifecycle.js';
import { createApiKey, DEFAULT_TENANT, revokeLabelledKeys } from './db/tenants.js';
import { createLogger } from './http/logger.js';
import { PlatformDirectory } from './platform/platform-directory.js';
import type { UnwrittenOutcome } from './submission/outcome-recorder.js';
import { PendingWrites } from './submission/pending-writes.js';
import { selectPlatform } from './platform/select-platform.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await openDatabase(config.databaseUrl);
const { db } = database;

// Tasks a stopped process left mid-call: mark them UNKNOWN now, and keep checking, since another
// instance may stop while this one runs. Each task carries its own deadline, set by the instance
// that submitted it, and is compared with the database's clock.
const lifecycle = new TaskLifecycle(db, database.provider, { clock: () => database.clock.now() });
const recoverAbandoned = async () => {
  await database.clock.sync();
  const count = await lifecycle.recoverAbandoned();
  if (count) logger.warn({ count }, 'marked abandoned submissions UNKNOWN (not resubmitted)');
};
await recoverAbandoned();
const recovery = setInterval(() => void recoverAbandoned().catch((err) => logger.error({ err }, 'recovery failed')), 30_000);
recovery.unref();

const platform = await selectPlatform(config);
const platforms = new PlatformDirectory(db, platform.client, {
  baseUrl: config.platform?.baseUrl ?? platform.baseUrl,
  timeoutMs: config.platformTimeoutMs,
  timestampUnit: config.tokenTimestampUnit,
  cipher: config.credentialsEncryptionKey ? new CredentialCipher(config.credentialsEncryptionKey) : undefined,
});
console.log(`Platform: ${platform.description}`);

// The sandbox (no platform credentials) comes with a development key, new at every start.
let sandboxKey: string | undefined;
if (!config.platform) {
  await revokeLabelledKeys(db, DEFAULT_TENANT, 'sandbox');
  sandboxKey = (await createApiKey(db, DEFAULT_TENANT, 'sandbox')).key;
  console.log(`Development API key (tenant "${DEFAULT_TENANT}", revoked at the next start): ${sandboxKey}`);
}

// GraphiQL's bundled assets are large (9 MB): loaded only when GraphiQL is on.
const renderGraphiQL = config.graphiql ? (await import('@graphql-yoga/render-graphiql')).renderGraphiQL : undefined;
const pendingWrites = new PendingWrites<UnwrittenOutcome>();
const app = createApp({ database, platforms, logger, pendingWrites, lifecycle, options: { ...config, graphiqlApiKey: sandboxKey, renderGraphiQL } });
const server = createServer(app);
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Takeover GraphQL API on http://${config.host}:${port}${app.graphqlEndpoint} (GraphiQL in a browser)`);
});

// Graceful shutdown: stop accepting, let in-flight requests finish (a submission's record must
// get its outcome), wait for outcome writes still being retried, then close. Bounded: after
// SHUTDOWN_TIMEOUT_MS open connections are cut and unwritten outcomes are logged.
async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
  const deadline = Date.now() + config.shutdownTimeoutMs;
  clearInterval(recovery);
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs).unref());
  if ((await Promise.race([drained, timeout])) === 'timeout') {
    logger.warn('shutdown timeout: closing remaining connections');
    server.closeAllConnections();
  }
  clearInterval(idle);
  const unwritten = await pendingWrites.drain(Math.max(0, deadline - Date.now()));
  for (const outcome of unwritten) {
    logger.error(outcome, 'stopping with a platform answer not recorded: set the task from this line by hand');
  }
  await platforms.close();
  await platform.close();
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
