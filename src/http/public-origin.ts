// The base of the absolute URLs the service hands out (preview links): PUBLIC_URL when configured;
// otherwise the origin the request was sent to. Behind trusted reverse proxies (TRUST_PROXY_HOPS,
// as for client addresses in client-address.ts) that is what the outermost trusted proxy saw, from
// X-Forwarded-Proto and X-Forwarded-Host; without trusted proxies those headers are the client's
// own words and are ignored.

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The entry the outermost of `hops` trusted proxies wrote in a comma-separated forwarding header. */
function forwarded(header: string | null, hops: number): string | undefined {
  const entries = (header ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length) return undefined;
  return entries[Math.max(0, entries.length - hops)];
}

/** Scheme, host and any path prefix, without a trailing slash, e.g. "https://video.example.com". */
export function publicBaseUrl(request: Request, trustedHops: number, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  const own = new URL(request.url);
  if (trustedHops > 0) {
    const proto = forwarded(request.headers.get('x-forwarded-proto'), trustedHops)?.toLowerCase();
    const host = forwarded(request.headers.get('x-forwarded-host'), trustedHops);
    const scheme = proto === 'http' || proto === 'https' ? proto : own.protocol.slice(0, -1);
    return `${scheme}://${host && HOST.test(host) ? host : own.host}`;
  }
  return own.origin;
}
