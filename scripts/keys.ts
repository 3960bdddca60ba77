// Admin CLI for API keys and tenants' platform accounts, against DATABASE_URL:
//   npm run keys -- create <tenant> [label]     prints a new key (shown once)
//   npm run keys -- list [tenant]               prefixes only
//   npm run keys -- revoke <prefix>             takes effect on the next request
//   npm run keys -- set-platform <tenant> <appId>   reads the appKey from PLATFORM_APP_KEY;
//                                               needs CREDENTIALS_ENCRYPTION_KEY
import { CredentialCipher } from '../src/auth/credential-cipher.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createApiKey, listApiKeys, revokeApiKey, setTenantPlatformAccount } from '../src/db/tenants.js';

const [command, first, second] = process.argv.slice(2);
const config = loadConfig();
const { db } = await openDatabase(config.databaseUrl);
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;

try {
  if (command === 'create' && first) {
    if (!TENANT.test(first)) fail('a tenant id is lowercase letters, digits, "_" and "-"');
    const { key, prefix } = await createApiKey(db, first, second ?? '');
    console.log(`API key for tenant "${first}" (prefix ${prefix}); it is shown only now:\n${key}`);
  } else if (command === 'list') {
    for (const key of await listApiKeys(db, first)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      console.log(`${key.prefix}  ${key.tenantId}  ${key.label || '-'}  created ${key.createdAt.toISOString()}  ${state}`);
    }
  } else if (command === 'revoke' && first) {
    console.log((await revokeApiKey(db, first)) ? `revoked ${first}` : fail(`no active key with prefix ${first}`));
  } else if (command === 'set-platform' && first && second) {
    const appKey = process.env.PLATFORM_APP_KEY ?? fail('set PLATFORM_APP_KEY to the tenant\'s appKey');
    const encryptionKey = config.credentialsEncryptionKey ?? fail('set CREDENTIALS_ENCRYPTION_KEY (32 bytes, base64) first');
    await setTenantPlatformAccount(db, first, second, new CredentialCipher(encryptionKey).encrypt(appKey));
    console.log(`tenant "${first}" now submits to platform account ${second}`);
  } else {
    fail('usage: npm run keys -- create <tenant> [label] | list [tenant] | revoke <prefix> | set-platform <tenant> <appId>');
  }
} finally {
  await db.$disconnect();
}
