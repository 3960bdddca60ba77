// Tenants and their API keys.
import { generateApiKey, type NewApiKey } from '../auth/api-key.js';
import type { Database, Db } from './client.js';
import { directPostgres } from './postgres-direct.js';
import { directSqlite } from './sqlite-direct.js';

export const DEFAULT_TENANT = 'default';

export async function createApiKey(db: Db, tenantId: string, label = ''): Promise<{ key: string; prefix: string }> {
  const generated = generateApiKey();
  await recordApiKey(db, tenantId, generated, label);
  return { key: generated.key, prefix: generated.prefix };
}

/** Stores a generated key's hash and prefix for `tenantId`, creating the tenant if needed. */
export async function recordApiKey(db: Db, tenantId: string, { prefix, hash }: NewApiKey, label = ''): Promise<void> {
  await db.tenant.upsert({ where: { id: tenantId }, create: { id: tenantId }, update: {} });
  await db.apiKey.create({ data: { tenantId, prefix, hash, label } });
}

/** Who holds a live key: its tenant, and the tenant's data version (raised on every write to its data). */
export interface Caller {
  tenantId: string;
  dataVersion: number;
}

const callerSql = (placeholder: string) => `
  SELECT k."tenantId", t."dataVersion" FROM "ApiKey" k JOIN "Tenant" t ON t."id" = k."tenantId"
  WHERE k."hash" = ${placeholder} AND k."revokedAt" IS NULL`;
const CALLER_SQLITE = callerSql('?');
const CALLER_POSTGRES = callerSql('$1');

/**
 * The caller behind a key (given as its SHA-256, see `hashApiKey`), unless the key is unknown or
 * revoked. Runs on every request, so it avoids Prisma's query builder, which took 186 µs of CPU
 * for it (more than a whole bare yoga request): raw through Prisma it takes 77 µs, on SQLite's own
 * read connection 5 µs; on PostgreSQL it is a named statement on the adapter's pool (postgres-direct.ts).
 * The quoted identifiers read the same on SQLite and PostgreSQL.
 */
export async function callerForKeyHash({ db, provider, readFirstRow }: Database, hash: string): Promise<Caller | undefined> {
  type Row = { tenantId: string; dataVersion: number | bigint | string };
  const postgres = provider === 'postgresql' ? directPostgres(db) : undefined;
  const found = readFirstRow
    ? readFirstRow<Row>(CALLER_SQLITE, hash)
    : postgres
      ? (await postgres.all<Row>(CALLER_POSTGRES, [hash]))[0]
      : (await db.$queryRawUnsafe<Row[]>(provider === 'sqlite' ? CALLER_SQLITE : CALLER_POSTGRES, hash))[0];
  return found && { tenantId: found.tenantId, dataVersion: Number(found.dataVersion) };
}

export function listApiKeys(db: Db, tenantId?: string) {
  return db.apiKey.findMany({
    where: tenantId ? { tenantId } : {},
    select: { prefix: true, tenantId: true, label: true, createdAt: true, revokedAt: true },
    orderBy: [{ tenantId: 'asc' }, { createdAt: 'asc' }],
  });
}

/** The key with this hash (live or revoked), if this database has it. */
export function findApiKeyByHash(db: Db, hash: string) {
  return db.apiKey.findUnique({ where: { hash }, select: { tenantId: true, label: true, revokedAt: true } });
}

export async function revokeApiKey(db: Db, prefix: string): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({ where: { prefix, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

/** Revokes every live key of `tenantId` with `label`, e.g. the previous sandbox key. */
export async function revokeLabelledKeys(db: Db, tenantId: string, label: string): Promise<void> {
  await db.apiKey.updateMany({ where: { tenantId, label, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function setTenantPlatformAccount(db: Db, tenantId: string, appId: string, encryptedAppKey: string) {
  await db.tenant.upsert({
    where: { id: tenantId },
    create: { id: tenantId, platformAppId: appId, platformAppKeyEncrypted: encryptedAppKey },
    update: { platformAppId: appId, platformAppKeyEncrypted: encryptedAppKey },
  });
}

const PLATFORM_ACCOUNT = `SELECT "platformAppId", "platformAppKeyEncrypted" FROM "Tenant" WHERE "id" = ?`;

/** Read on every submission: on SQLite without Prisma when it can (see sqlite-direct.ts). */
export async function findTenantPlatformAccount(db: Db, tenantId: string): Promise<{ platformAppId: string | null; platformAppKeyEncrypted: string | null } | null> {
  const direct = directSqlite(db);
  if (direct) return direct.get<{ platformAppId: string | null; platformAppKeyEncrypted: string | null }>(PLATFORM_ACCOUNT, tenantId) ?? null;
  return db.tenant.findUnique({ where: { id: tenantId }, select: { platformAppId: true, platformAppKeyEncrypted: true } });
}
