// Starts the app as the tests use it: a fresh SQLite file, migrated; the platform simulator on a
// real socket; the yoga instance, called through its fetch without opening a port.
import { createApp, type App } from '../../src/app.js';
import type { Db, OpenDatabaseOptions } from '../../src/db/client.js';
import { SoftSugarClient, type PlatformClientOptions } from '../../src/platform/client.js';
import { PlatformSimulator, type SimulatorOptions } from '../../src/platform/simulator.js';
import { openTestDatabase, type TestDatabase } from './database.js';

export const TEST_CREDENTIALS = { appId: 'test-app', appKey: 'test-app-key-3f9d0c2b7a61e845' };

export interface TestApp {
  app: App;
  db: Db;
  database: TestDatabase;
  simulator: PlatformSimulator;
  client: SoftSugarClient;
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  simulator?: Partial<SimulatorOptions>;
  client?: Partial<PlatformClientOptions>;
  database?: OpenDatabaseOptions;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(options.database);
  const simulator = await PlatformSimulator.start({ ...TEST_CREDENTIALS, ...options.simulator });
  const client = new SoftSugarClient({
    ...TEST_CREDENTIALS,
    baseUrl: simulator.url,
    timeoutMs: 5_000,
    ...options.client,
  });
  const app = createApp({ database, platform: client });
  return {
    app,
    db: database.db,
    database,
    simulator,
    client,
    async graphql(query, variables) {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async close() {
      await client.close();
      await simulator.close();
      await database.close();
    },
  };
}
