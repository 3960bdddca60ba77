// One POST of a webhook: bounded in time, redirects not followed, the answer's body read only up
// to a small bound and never kept, and (unless private hosts are allowed) connected only to the
// public address its host was checked to resolve to.
import type { LookupAddress } from 'node:dns';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { isPrivateLiteral, publicOnlyLookup } from './webhook-url.js';

export interface SendResult {
  /** The receiver's HTTP status, when it answered. */
  statusCode: number | null;
  /** Why it did not count as delivered; null for a 2xx. */
  error: string | null;
  durationMs: number;
}

export interface WebhookSenderOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** Replaces DNS (tests). */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

/** How much of an answer's body is read (and dropped) before the connection is let go. */
const BODY_READ_LIMIT = 4_096;
const MAX_ERROR_LENGTH = 300;
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export class WebhookSender {
  private readonly agent: Agent;

  constructor(private readonly options: WebhookSenderOptions) {
    this.agent = new Agent({
      connect: { timeout: options.timeoutMs, ...(!options.allowPrivate && { lookup: publicOnlyLookup(options.resolve) }) },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      if (!this.options.allowPrivate && isPrivateLiteral(new URL(url))) {
        return { statusCode: null, error: 'refused: the URL points to a private, loopback, link-local or reserved address', durationMs: 0 };
      }
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'takeover-webhooks/1', ...headers },
        body,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body.dump({ limit: BODY_READ_LIMIT }).catch(() => {});
      const { statusCode } = response;
      const ok = statusCode >= 200 && statusCode < 300;
      return { statusCode, error: ok ? null : `HTTP ${statusCode}${statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : ''}`, durationMs: elapsed() };
    } catch (error) {
      return { statusCode: null, error: describe(error), durationMs: elapsed() };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

function describe(error: unknown): string {
  const { name, code, message, cause } = error as { name?: string; code?: string; message?: string; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError' || (code && TIMEOUT_CODES.has(code))) return 'timeout';
  if (cause && (name === 'TypeError' || code === undefined)) return describe(cause);
  return `${code ? `${code}: ` : ''}${message ?? String(error)}`.slice(0, MAX_ERROR_LENGTH);
}
