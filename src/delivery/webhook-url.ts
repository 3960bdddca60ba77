// Where webhooks may go: http(s) URLs of hosts on the public internet. Checked when an endpoint is
// created and again when each request connects (a name may resolve elsewhere by then: DNS rebinding).
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { isPublicAddress } from './public-address.js';

export const MAX_WEBHOOK_URL_LENGTH = 2_000;

/** What webhookUrlProblem checks, as a sentence for the schema's description. */
export const WEBHOOK_URL_RULE =
  'An absolute http or https URL, without user name, password or fragment, of a host on the public internet (not a private, loopback, link-local or reserved address, nor a name resolving to one).';

export interface UrlGuardOptions {
  /** WEBHOOK_ALLOW_PRIVATE: private and loopback hosts too (development, tests). */
  allowPrivate: boolean;
  /** Resolves a host name to every address it has (tests replace it). */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

const resolveAll = (host: string) => dnsLookup(host, { all: true, verbatim: true });

/** The hostname without IPv6 brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Why `text` may not be a webhook URL (a sentence for the caller), or undefined when it may. */
export async function webhookUrlProblem(text: string, options: UrlGuardOptions): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.hash) return 'must not contain a fragment (#…)';
  if (options.allowPrivate) return undefined;
  const host = bareHost(url);
  if (isIP(host)) return isPublicAddress(host) ? undefined : 'must not point to a private, loopback, link-local or reserved address';
  let addresses: LookupAddress[];
  try {
    addresses = await (options.resolve ?? resolveAll)(host);
  } catch {
    return `its host (${host}) does not resolve`;
  }
  if (addresses.length === 0) return `its host (${host}) does not resolve`;
  if (!addresses.every((a) => isPublicAddress(a.address))) {
    return `its host (${host}) resolves to a private, loopback, link-local or reserved address`;
  }
  return undefined;
}

export class PrivateAddressError extends Error {
  readonly code = 'EWEBHOOKPRIVATE';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that resolves, refuses unless every address is public, and hands
 * the connection exactly the addresses it checked: no second resolution the answer could change in.
 */
export function publicOnlyLookup(resolve: (host: string) => Promise<LookupAddress[]> = resolveAll) {
  return (host: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(host).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (wanted.length === 0) return callback(Object.assign(new Error(`${host} does not resolve`), { code: 'ENOTFOUND' }), '');
        if (!all.every((a) => isPublicAddress(a.address))) {
          return callback(new PrivateAddressError(`${host} resolves to a private, loopback, link-local or reserved address`), '');
        }
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/** Whether a URL's host is an address literal that is not public (connect skips `lookup` for those). */
export function isPrivateLiteral(url: URL): boolean {
  const host = bareHost(url);
  return isIP(host) !== 0 && !isPublicAddress(host);
}
