// Which platform account a tenant's tasks go to: its own, when it has one (appKey stored
// encrypted), otherwise the service's.
import type { CredentialCipher } from '../auth/credential-cipher.js';
import type { Db } from '../db/client.js';
import { findTenantPlatformAccount } from '../db/tenants.js';
import { SoftSugarClient, type PlatformClient } from './client.js';
import type { TimestampUnit } from './protocol.js';

export interface PlatformDirectoryOptions {
  baseUrl: string;
  timeoutMs: number;
  timestampUnit?: TimestampUnit | undefined;
  /** The status-query path (SOFTSUGAR_TASK_QUERY_PATH); tenants' clients cannot query without it. */
  taskQueryPath?: string | undefined;
  /** Needed to read tenants' own credentials; without it every tenant uses `fallback`. */
  cipher?: CredentialCipher | undefined;
}

export class PlatformDirectory {
  private readonly clients = new Map<string, SoftSugarClient>();

  constructor(
    private readonly db: Db,
    private readonly fallback: PlatformClient,
    private readonly options: PlatformDirectoryOptions,
  ) {}

  async clientFor(tenantId: string): Promise<PlatformClient> {
    if (!this.options.cipher) return this.fallback;
    const account = await findTenantPlatformAccount(this.db, tenantId);
    if (!account?.platformAppId || !account.platformAppKeyEncrypted) return this.fallback;
    // Keyed by the stored ciphertext too, so changed credentials get a fresh client and token.
    const cacheKey = `${tenantId}\n${account.platformAppId}\n${account.platformAppKeyEncrypted}`;
    let client = this.clients.get(cacheKey);
    if (!client) {
      client = new SoftSugarClient({
        baseUrl: this.options.baseUrl,
        timeoutMs: this.options.timeoutMs,
        timestampUnit: this.options.timestampUnit,
        taskQueryPath: this.options.taskQueryPath,
        appId: account.platformAppId,
        appKey: this.options.cipher.decrypt(account.platformAppKeyEncrypted),
      });
      this.clients.set(cacheKey, client);
    }
    return client;
  }

  reachable(): Promise<boolean> {
    return this.fallback.reachable();
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
    this.clients.clear();
  }
}
