// A throwaway PostgreSQL database on the server `serverUrl` points at, dropped afterwards.
// Used for isolated tests and for diffing migrations.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function createScratchPostgresDatabase(serverUrl: string, prefix = 'scratch'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchPostgresDatabase(serverUrl: string, scratchUrl: string): Promise<void> {
  const name = new URL(scratchUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function withScratchPostgresDatabase<T>(serverUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const url = await createScratchPostgresDatabase(serverUrl);
  try {
    return await run(url);
  } finally {
    await dropScratchPostgresDatabase(serverUrl, url);
  }
}
