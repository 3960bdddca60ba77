// Tenants and their API keys.
import { generateApiKey, hashApiKey, type NewApiKey } from '../auth/api-key.js';
import type { Db } from './client.js';

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

/** The tenant a key belongs to, unless the key is unknown or revoked. */
export async function tenantForApiKey(db: Db, key: string): Promise<string | undefined> {
  const found = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) }, select: { tenantId: true, revokedAt: true } });
  return found && !found.revokedAt ? found.tenantId : undefined;
}

export function listApiKeys(db: Db, tenantId?: string) {
  return db.apiKey.findMany({
    where: tenantId ? { tenantId } : {},
    select: { prefix: true, tenantId: true, label: true, createdAt: true, revokedAt: true },
    orderBy: [{ tenantId: 'asc' }, { createdAt: 'asc' }],
  });
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

export function findTenantPlatformAccount(db: Db, tenantId: string) {
  return db.tenant.findUnique({ where: { id: tenantId }, select: { platformAppId: true, platformAppKeyEncrypted: true } });
}
