// Endpoint signing secrets: `whsec_` and 32 random bytes in base64 (the Standard Webhooks form),
// shown once when made; stored encrypted when CREDENTIALS_ENCRYPTION_KEY is set.
import { randomBytes } from 'node:crypto';
import type { CredentialCipher } from '../auth/credential-cipher.js';

const PREFIX = 'whsec_';

export const generateWebhookSecret = () => PREFIX + randomBytes(32).toString('base64');

/** Seals and opens stored secrets; without a cipher they are stored as they are. */
export class WebhookSecrets {
  constructor(private readonly cipher: CredentialCipher | undefined) {}

  seal(secret: string): string {
    return this.cipher ? this.cipher.encrypt(secret) : secret;
  }

  /** A secret stored before the key was set is still stored in the clear, and still works. */
  open(stored: string): string {
    if (stored.startsWith(PREFIX)) return stored;
    if (!this.cipher) throw new Error('a webhook secret is stored encrypted but CREDENTIALS_ENCRYPTION_KEY is not set');
    return this.cipher.decrypt(stored);
  }
}
