// Starts the app as the tests use it: a fresh database, migrated; the platform simulator on a
// real socket; the yoga instance, called through its fetch without opening a port; a tenant with
// an API key; logs captured in memory.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { webhookOutbox } from '../../src/delivery/webhook-outbox.js';
import { TaskLifecycle, type TaskLifecycleOptions } from '../../src/lifecycle/task-lifecycle.js';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { CredentialCipher } from '../../src/auth/credential-cipher.js';
import { loadConfig, type HttpSettings } from '../../src/config.js';
import type { Db, OpenDatabaseOptions } from '../../src/db/client.js';
import { createApiKey } from '../../src/db/tenants.js';
import { createLogger } from '../../src/http/logger.js';
import { createHttpServer } from '../../src/http/server.js';
import { SoftSugarClient, type PlatformClientOptions } from '../../src/platform/client.js';
import { PlatformDirectory } from '../../src/platform/platform-directory.js';
import { PlatformSimulator, type SimulatorOptions } from '../../src/platform/simulator.js';
import { SIMULATOR_TASK_QUERY_PATH } from '../../src/platform/task-status.js';
import type { SharedState } from '../../src/shared-state/shared-state.js';
import type { UnwrittenOutcome } from '../../src/submission/outcome-recorder.js';
import { PendingWrites } from '../../src/submission/pending-writes.js';
import { openTestDatabase, type TestDatabase } from './database.js';

export const TEST_CREDENTIALS = { appId: 'test-app', appKey: 'test-app-key-3f9d0c2b7a61e845' };
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_TENANT = 'tenant-a';

export const DEFAULT_OPTIONS: AppOptions = {
  graphiql: true,
  introspection: true,
  limits: { ...loadConfig({}).limits, requestsPerMinute: 100_000, unauthenticatedPerMinute: 100_000 },
  // As deployed: every test that writes and then reads goes through the response cache.
  responseCache: loadConfig({}).responseCache,
  submissionStaleAfterMs: loadConfig({}).submissionStaleAfterMs,
  idempotencyKeyTtlMs: loadConfig({}).idempotencyKeyTtlMs,
};

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: any[];
}

export interface TestApp {
  app: App;
  db: Db;
  database: TestDatabase;
  simulator: PlatformSimulator;
  client: SoftSugarClient;
  platforms: PlatformDirectory;
  /** Outcome writes still being retried in the background. */
  pendingWrites: PendingWrites<UnwrittenOutcome>;
  lifecycle: TaskLifecycle;
  /** The test tenant's API key. */
  apiKey: string;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  graphql<T = any>(query: string, variables?: Record<string, unknown>, apiKey?: string): Promise<GraphQLResponse<T>>;
  /** A new tenant with its own key. */
  newTenant(tenantId: string): Promise<string>;
  /** Serves the app over real HTTP (the service's own server, timeouts and all) on a free port: its base URL. */
  listen(http?: Partial<HttpSettings>): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Per process unless given (e.g. Redis, to test replicas). */
  sharedState?: SharedState;
  simulator?: Partial<SimulatorOptions>;
  client?: Partial<PlatformClientOptions>;
  database?: OpenDatabaseOptions;
  options?: Partial<AppOptions>;
  lifecycle?: TaskLifecycleOptions;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(options.database);
  const simulator = await PlatformSimulator.start({ ...TEST_CREDENTIALS, ...options.simulator });
  const client = new SoftSugarClient({ ...TEST_CREDENTIALS, baseUrl: simulator.url, timeoutMs: 5_000, taskQueryPath: SIMULATOR_TASK_QUERY_PATH, ...options.client });
  const platforms = new PlatformDirectory(database.db, client, {
    baseUrl: simulator.url,
    timeoutMs: 5_000,
    taskQueryPath: SIMULATOR_TASK_QUERY_PATH,
    cipher: new CredentialCipher(TEST_ENCRYPTION_KEY),
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const pendingWrites = new PendingWrites<UnwrittenOutcome>();
  const lifecycle = new TaskLifecycle(database.db, database.provider, { clock: () => database.clock.now(), ...options.lifecycle });
  // As main.ts wires it; tests that deliver start a WebhookWorker of their own.
  lifecycle.listen(webhookOutbox());
  const app = createApp({ database, platforms, logger, pendingWrites, lifecycle, sharedState: options.sharedState, options: { ...DEFAULT_OPTIONS, ...options.options } });
  const servers: Server[] = [];
  const { key: apiKey } = await createApiKey(database.db, TEST_TENANT);
  return {
    app,
    db: database.db,
    database,
    simulator,
    client,
    platforms,
    pendingWrites,
    lifecycle,
    apiKey,
    logs,
    async graphql(query, variables, key = apiKey) {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async newTenant(tenantId) {
      return (await createApiKey(database.db, tenantId)).key;
    },
    async listen(http = {}) {
      const server = createHttpServer(app, logger, { ...loadConfig({}).http, ...http });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      // Every test app's logs, across the suite, are searched for secrets.
      const written = JSON.stringify(logs);
      const secrets = [TEST_CREDENTIALS.appKey, TEST_ENCRYPTION_KEY, apiKey, ...simulator.issuedTokens, ...(options.options?.callbackSecret ? [options.options.callbackSecret] : [])];
      const leaked = secrets.filter((secret) => written.includes(secret));
      if (leaked.length) throw new Error(`${leaked.length} secret(s) appeared in the logs`);
      await pendingWrites.drain(5_000);
      await platforms.close();
      await client.close();
      await simulator.close();
      await database.close();
    },
  };
}
