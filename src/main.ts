// Reads configuration, builds the app, listens. The only file with process-level effects.
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { CredentialCipher } from './auth/credential-cipher.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { markAbandonedSubmissions } from './db/tasks.js';
import { createApiKey, DEFAULT_TENANT, revokeLabelledKeys } from './db/tenants.js';
import { GraphiQLAssets } from './http/graphiql.js';
import { createLogger } from './http/logger.js';
import { createHttpServer } from './http/server.js';
import { PlatformDirectory } from './platform/platform-directory.js';
import type { UnwrittenOutcome } from './submission/outcome-recorder.js';
import { PendingWrites } from './submission/pending-writes.js';
import { selectPlatform } from './platform/select-platform.js';
import { openSharedState } from './shared-state/shared-state.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await openDatabase(config.databaseUrl);
const { db } = database;

// Tasks a stopped process left mid-call: mark them UNKNOWN now, and keep checking, since another
// instance may stop while this one runs. Each task carries its own deadline, set by the instance
// that submitted it, and is compared with the database's clock.
const recoverAbandoned = async () => {
  await database.clock.sync();
  const count = await markAbandonedSubmissions(db, database.provider, database.clock.now());
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

// GraphiQL's bundled assets are large (9 MB): prepared (compressed, in a child process) only when GraphiQL is on.
const graphiqlAssets = config.graphiql ? await GraphiQLAssets.load() : undefined;
// Rate limits per process, or shared by every replica through Redis.
const sharedState = openSharedState(config.redis, logger);
const pendingWrites = new PendingWrites<UnwrittenOutcome>();
const app = createApp({
  database,
  platforms,
  logger,
  sharedState,
  pendingWrites,
  options: { ...config, sandbox: !config.platform, graphiqlApiKey: sandboxKey, graphiqlAssets },
});
const server = createHttpServer(app, logger, config.http);
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
  await sharedState.close();
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
