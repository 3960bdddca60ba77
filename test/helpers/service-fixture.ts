// What the process-level tests (crash safety, graceful shutdown) need before starting the
// service: a fresh database with a tenant and key, and a simulator with a slow create call.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/client.js';
import { createScratchPostgresDatabase, dropScratchPostgresDatabase } from '../../src/db/postgres-scratch.js';
import { createApiKey } from '../../src/db/tenants.js';
import { PlatformSimulator } from '../../src/platform/simulator.js';
import { TEST_POSTGRES_URL } from './database.js';
import { TEST_CREDENTIALS } from './test-app.js';

export interface ServiceFixture {
  databaseUrl: string;
  simulator: PlatformSimulator;
  apiKey: string;
  /** Environment for startService: this database, the simulator as the real platform. */
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export async function prepareServiceFixture(tenantId: string, createLatencyMs: number): Promise<ServiceFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), `${tenantId}-`));
  const databaseUrl = TEST_POSTGRES_URL
    ? await createScratchPostgresDatabase(TEST_POSTGRES_URL, `takeover_${tenantId.replace(/\W/g, '_')}`)
    : `file:${path.join(dir, 'service.db')}`;
  const simulator = await PlatformSimulator.start({ ...TEST_CREDENTIALS, createLatencyMs });
  const { db } = await openDatabase(databaseUrl);
  const { key: apiKey } = await createApiKey(db, tenantId);
  await db.$disconnect();
  return {
    databaseUrl,
    simulator,
    apiKey,
    env: {
      DATABASE_URL: databaseUrl,
      SOFTSUGAR_BASE_URL: simulator.url,
      SOFTSUGAR_APP_ID: TEST_CREDENTIALS.appId,
      SOFTSUGAR_APP_KEY: TEST_CREDENTIALS.appKey,
    },
    async cleanup() {
      await simulator.close();
      await rm(dir, { recursive: true, force: true });
      if (TEST_POSTGRES_URL) await dropScratchPostgresDatabase(TEST_POSTGRES_URL, databaseUrl);
    },
  };
}
