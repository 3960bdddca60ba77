// Signed, expiring links to scene previews, usable in an <img> tag (which cannot send an API
// key): HMAC-SHA256 over what the link shows and whose it is.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type PreviewKind = 'task' | 'preset';

export interface PreviewTarget {
  kind: PreviewKind;
  id: string;
  ownerId: string;
  frame?: number | undefined;
}

export class PreviewLinks {
  private readonly key: Buffer;

  constructor(
    signingKey?: string,
    private readonly lifetimeMs = 3_600_000,
    private readonly now: () => number = Date.now,
  ) {
    // Without a configured key, links last until the process restarts.
    this.key = signingKey ? Buffer.from(signingKey) : randomBytes(32);
  }

  private sign(target: PreviewTarget, expires: number): string {
    const payload = [target.kind, target.id, target.ownerId, target.frame ?? '', expires].join('\n');
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  /** A link for the target, valid for the link lifetime: absolute under `base`, else a path with query. */
  link(target: PreviewTarget, base = ''): string {
    const expires = this.now() + this.lifetimeMs;
    const query = new URLSearchParams({ owner: target.ownerId, expires: String(expires), sig: this.sign(target, expires) });
    if (target.frame !== undefined) query.set('frame', String(target.frame));
    return `${base}/preview/${target.kind}/${encodeURIComponent(target.id)}.svg?${query}`;
  }

  /** The target a link points at, or undefined when it is malformed, forged or expired. */
  verify(url: URL): PreviewTarget | undefined {
    const match = /^\/preview\/(task|preset)\/([^/]+)\.svg$/.exec(url.pathname);
    const owner = url.searchParams.get('owner');
    const expires = Number(url.searchParams.get('expires'));
    const sig = url.searchParams.get('sig') ?? '';
    const frameText = url.searchParams.get('frame');
    if (!match || !owner || !Number.isFinite(expires) || expires < this.now()) return undefined;
    const frame = frameText === null ? undefined : Number(frameText);
    if (frame !== undefined && !Number.isInteger(frame)) return undefined;
    const id = decodeOrUndefined(match[2]!);
    if (id === undefined) return undefined;
    const target: PreviewTarget = { kind: match[1] as PreviewKind, id, ownerId: owner, frame };
    const expected = Buffer.from(this.sign(target, expires));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected) ? target : undefined;
  }
}

/** A percent-encoded path segment, decoded; undefined when it is malformed (`%E0%A4%A`). */
function decodeOrUndefined(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
