// API keys: `tk_<prefix>_<secret>`. Only the SHA-256 of a key is stored; the prefix tells keys
// apart in lists without revealing them.
import { createHash, randomBytes } from 'node:crypto';

const KEY_FORMAT = /^tk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;

export interface NewApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): NewApiKey {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
  const key = `tk_${prefix}_${randomBytes(24).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A key as stored (prefix and hash), if `key` has our format. */
export function parseApiKey(key: string): NewApiKey | undefined {
  const prefix = KEY_FORMAT.exec(key)?.[1];
  return prefix ? { key, prefix, hash: hashApiKey(key) } : undefined;
}

/** The key from an `Authorization: Bearer <key>` header, if it has our format. */
export function apiKeyFromHeader(header: string | null | undefined): string | undefined {
  const key = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  return key && KEY_FORMAT.test(key) ? key : undefined;
}
