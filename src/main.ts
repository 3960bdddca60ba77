// Reads configuration, builds the app, listens. The only file with process-level effects.
//
// Start-up order: the port is bound before anything with side effects (migrations, recovery, the
// sandbox key), so an instance started on a port in use stops before it touches the database.
// Until the service is ready, every request gets 503 with Retry-After.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from './app.js';
import { CredentialCipher } from './auth/credential-cipher.js';
import { sandboxKey } from './auth/sandbox-key.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { DEFAULT_TENANT } from './db/tenants.js';
import { GraphiQLAssets } from './http/graphiql.js';
import { createLogger, type Logger } from './http/logger.js';
import { createHttpServer } from './http/server.js';
import { CALLBACK_PATH_PREFIX } from './http/platform-callback.js';
import { listenError, startingUp } from './http/starting-up.js';
import { StatusPoller } from './lifecycle/status-poller.js';
import { TaskLifecycle } from './lifecycle/task-lifecycle.js';
import { webhookOutbox } from './delivery/webhook-outbox.js';
import { WebhookSecrets } from './delivery/webhook-secret.js';
import { WebhookWorker } from './delivery/webhook-worker.js';
import { PlatformDirectory } from './platform/platform-directory.js';
import { selectPlatform, type SelectedPlatform } from './platform/select-platform.js';
import { openSharedState, type SharedState } from './shared-state/shared-state.js';
import type { UnwrittenOutcome } from './submission/outcome-recorder.js';
import { PendingWrites } from './submission/pending-writes.js';

/** Stops with one line for the operator and exit code 1. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function configOrFail(): Config {
  try {
    return loadConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** Aborted when shutdown starts: live subscriptions end rather than hold their connections open. */
const shutdownStarted = new AbortController();

/** The app once it is ready; until then the bound port answers 503. */
let ready: App | undefined;

function bindPort(config: Config, logger: Logger): Promise<Server> {
  const server = createHttpServer(
    { handleNodeRequestAndResponse: (req, res, context) => (ready ? ready.handleNodeRequestAndResponse(req, res, context) : startingUp()) },
    logger,
    config.http,
  );
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => fail(listenError(error, config.host, config.port));
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.off('error', onError);
      resolve(server);
    });
  });
}

interface Opened {
  database?: Database;
  platform?: SelectedPlatform;
  sharedState?: SharedState;
}

interface Running extends Required<Opened> {
  platforms: PlatformDirectory;
  recovery: NodeJS.Timeout;
  pendingWrites: PendingWrites<UnwrittenOutcome>;
  webhookWorker: WebhookWorker;
  poller: StatusPoller | undefined;
  app: App;
}

async function start(config: Config, logger: Logger, opened: Opened, port: number): Promise<Running> {
  const database = (opened.database = await openDatabase(config.databaseUrl));
  const { db } = database;
  const lifecycle = new TaskLifecycle(db, database.provider, { clock: () => database.clock.now(), firstPollDelayMs: config.polling.firstDelayMs });

  // Tasks a stopped process left mid-call: mark them UNKNOWN now, and keep checking, since another
  // instance may stop while this one runs. Each task carries its own deadline, set by the instance
  // that submitted it, and is compared with the database's clock.
  const recoverAbandoned = async () => {
    await database.clock.sync();
    const count = await lifecycle.recoverAbandoned();
    if (count) logger.warn({ count }, 'marked abandoned submissions UNKNOWN (not resubmitted)');
  };
  await recoverAbandoned();
  const recovery = setInterval(() => void recoverAbandoned().catch((err) => logger.error({ err }, 'recovery failed')), 30_000);
  recovery.unref();

  // The platform's callback: its URL carries a secret. The sandbox simulator is told this
  // instance's own URL, with a secret made up for this run unless one is configured.
  const callbackSecret = config.callbackSecret ?? (config.platform ? undefined : randomBytes(24).toString('base64url'));
  const localHost = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const callbackBase = `${config.publicUrl ?? `http://${localHost}:${port}`}${CALLBACK_PATH_PREFIX}`;
  const platform = (opened.platform = await selectPlatform(config, callbackSecret && callbackBase + callbackSecret));
  if (config.platform && config.callbackSecret) console.log(`Platform callback URL (set it on the platform account): ${callbackBase}<PLATFORM_CALLBACK_SECRET>`);
  const cipher = config.credentialsEncryptionKey ? new CredentialCipher(config.credentialsEncryptionKey) : undefined;
  const platforms = new PlatformDirectory(db, platform.client, {
    baseUrl: config.platform?.baseUrl ?? platform.baseUrl,
    timeoutMs: config.platformTimeoutMs,
    timestampUnit: config.tokenTimestampUnit,
    taskQueryPath: platform.taskQueryPath,
    cipher,
  });
  console.log(`Platform: ${platform.description}`);

  // The sandbox (no platform credentials) comes with an API key that survives restarts.
  let graphiqlApiKey: string | undefined;
  if (!config.platform) {
    const { key, origin } = await sandboxKey(db, config.sandboxKeyFile);
    graphiqlApiKey = key;
    const where = config.sandboxKeyFile ? `kept in ${config.sandboxKeyFile}` : 'in-memory database: new at every start';
    console.log(`Sandbox API key (tenant "${DEFAULT_TENANT}", ${origin === 'new' ? 'new, ' : ''}${where}; npm run keys -- rotate-sandbox replaces it): ${key}`);
  }

  // GraphiQL's bundled assets are large (9 MB): prepared (compressed, in a child process) only when GraphiQL is on.
  const graphiqlAssets = config.graphiql ? await GraphiQLAssets.load() : undefined;
  // Rate limits per process, or shared by every replica through Redis.
  const sharedState = (opened.sharedState = openSharedState(config.redis, logger));
  const pendingWrites = new PendingWrites<UnwrittenOutcome>();
  const app = createApp({
    stopping: shutdownStarted.signal,
    database,
    platforms,
    logger,
    sharedState,
    pendingWrites,
    lifecycle,
    options: { ...config, sandbox: !config.platform, graphiqlApiKey, graphiqlAssets, callbackSecret },
  });
  // Webhooks: every status change writes its outbox rows in its own transaction; the worker sends
  // them (at once when written here, else at its next poll) and keeps retrying across restarts.
  const webhookWorker = new WebhookWorker({ db, clock: () => database.clock.now(), secrets: new WebhookSecrets(cipher), logger, ...config.webhooks });
  lifecycle.listen(webhookOutbox({ onWritten: () => webhookWorker.wake() }));
  webhookWorker.start();
  // Asks the platform about tasks in flight, when it has a status query (the simulator does).
  const poller = platform.taskQueryPath
    ? new StatusPoller(db, lifecycle, platforms, logger, { ...config.polling, clock: () => database.clock.now() })
    : undefined;
  poller?.start();
  return { database, platform, sharedState, platforms, recovery, pendingWrites, webhookWorker, poller, app };
}

const config = configOrFail();
const logger = createLogger(config.logLevel);
const server = await bindPort(config, logger);
const { port } = server.address() as AddressInfo;
console.log(`Starting on http://${config.host}:${port} (503 until ready)`);

const opened: Opened = {};
const running = await start(config, logger, opened, port).catch(async (error: Error) => {
  logger.error({ err: error }, 'start-up failed');
  await opened.platform?.close().catch(() => {});
  await opened.sharedState?.close().catch(() => {});
  await opened.database?.close().catch(() => {});
  return fail(`start-up failed: ${error.message.trim().split('\n')[0]}`);
});

// Graceful shutdown: stop accepting, let in-flight requests finish (a submission's record must
// get its outcome), wait for outcome writes still being retried, then close. Bounded: after
// SHUTDOWN_TIMEOUT_MS open connections are cut and unwritten outcomes are logged.
async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
  const deadline = Date.now() + config.shutdownTimeoutMs;
  clearInterval(running.recovery);
  shutdownStarted.abort();
  const pollerStopped = running.poller?.stop();
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs).unref());
  if ((await Promise.race([drained, timeout])) === 'timeout') {
    logger.warn('shutdown timeout: closing remaining connections');
    server.closeAllConnections();
  }
  clearInterval(idle);
  const unwritten = await running.pendingWrites.drain(Math.max(0, deadline - Date.now()));
  for (const outcome of unwritten) {
    logger.error(outcome, 'stopping with a platform answer not recorded: set the task from this line by hand');
  }
  await running.webhookWorker.stop();
  await pollerStopped;
  await running.platforms.close();
  await running.platform.close();
  await running.sharedState.close();
  await running.database.close();
  logger.info('stopped');
  process.exit(0);
}
// Until here a signal stops the process at once (the default); from here it drains first. Both
// are in place before the "ready" line, which scripts and tests wait for. A repeated SIGTERM (npm
// forwarding one that the process group also got) does not cut the drain short; a second Ctrl-C does.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!stopping) {
      stopping = true;
      void shutdown(signal);
    } else if (signal === 'SIGINT') {
      process.exit(130);
    }
  });
}
ready = running.app;
console.log(`Takeover GraphQL API on http://${config.host}:${port}${running.app.graphqlEndpoint} (GraphiQL in a browser)`);
