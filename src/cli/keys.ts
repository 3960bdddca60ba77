// Admin CLI for API keys and tenants' platform accounts, against DATABASE_URL. Compiled with the
// service (dist/src/cli/keys.js), so it runs in a production install:
//   npm run keys -- create <tenant> [label]         prints a new key (shown once)
//   npm run keys -- list [tenant]                   prefixes only
//   npm run keys -- revoke <prefix>                 takes effect on the next request
//   npm run keys -- rotate-sandbox                  a new sandbox key (the old one is revoked)
//   npm run keys -- set-platform <tenant> <appId>   reads the appKey from PLATFORM_APP_KEY;
//                                                   needs CREDENTIALS_ENCRYPTION_KEY
import { CredentialCipher } from '../auth/credential-cipher.js';
import { rotateSandboxKey } from '../auth/sandbox-key.js';
import { loadAdminConfig, type AdminConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { createApiKey, DEFAULT_TENANT, listApiKeys, revokeApiKey, setTenantPlatformAccount } from '../db/tenants.js';

const USAGE =
  'usage: npm run keys -- create <tenant> [label] | list [tenant] | revoke <prefix> | rotate-sandbox | set-platform <tenant> <appId>';
const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;

class UsageError extends Error {}

async function run(config: AdminConfig, database: Database, [command, first, second]: string[]): Promise<string> {
  const { db } = database;
  if (command === 'create' && first) {
    if (!TENANT.test(first)) throw new UsageError('a tenant id is lowercase letters, digits, "_" and "-"');
    const { key, prefix } = await createApiKey(db, first, second ?? '');
    return `API key for tenant "${first}" (prefix ${prefix}); it is shown only now:\n${key}`;
  }
  if (command === 'list') {
    return (await listApiKeys(db, first))
      .map((key) => {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        return `${key.prefix}  ${key.tenantId}  ${key.label || '-'}  created ${key.createdAt.toISOString()}  ${state}`;
      })
      .join('\n');
  }
  if (command === 'revoke' && first) {
    if (!(await revokeApiKey(db, first))) throw new UsageError(`no active key with prefix ${first}`);
    return `revoked ${first}`;
  }
  if (command === 'rotate-sandbox') {
    const key = await rotateSandboxKey(db, config.sandboxKeyFile);
    const where = config.sandboxKeyFile ? `, kept in ${config.sandboxKeyFile}` : '';
    return `new sandbox API key for tenant "${DEFAULT_TENANT}"${where} (the previous one is revoked; restart the service to prefill GraphiQL with it):\n${key}`;
  }
  if (command === 'set-platform' && first && second) {
    const appKey = process.env.PLATFORM_APP_KEY;
    if (!appKey) throw new UsageError("set PLATFORM_APP_KEY to the tenant's appKey");
    if (!config.credentialsEncryptionKey) throw new UsageError('set CREDENTIALS_ENCRYPTION_KEY (32 bytes, base64) first');
    await setTenantPlatformAccount(db, first, second, new CredentialCipher(config.credentialsEncryptionKey).encrypt(appKey));
    return `tenant "${first}" now submits to platform account ${second}`;
  }
  throw new UsageError(USAGE);
}

const args = process.argv.slice(2);
if (!['create', 'list', 'revoke', 'rotate-sandbox', 'set-platform'].includes(args[0] ?? '')) {
  console.error(USAGE);
  process.exit(1);
}
let database: Database | undefined;
try {
  const config = loadAdminConfig();
  database = await openDatabase(config.databaseUrl);
  const output = await run(config, database, args);
  if (output) console.log(output);
} catch (error) {
  console.error((error as Error).message.trim().split('\n')[0]);
  process.exitCode = 1;
} finally {
  await database?.close();
}
