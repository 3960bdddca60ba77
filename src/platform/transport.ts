// JSON over a keep-alive undici pool, with failures sorted by whether the request may have
// reached the platform. That distinction decides between "nothing was created" and "unknown".
import { Pool } from 'undici';
import { parseEnvelope, type Envelope } from './protocol.js';

export interface TransportOptions {
  baseUrl: string;
  /** Bound on one whole call: connect, send, wait, read. */
  timeoutMs: number;
  connections?: number;
}

export interface JsonResponse {
  status: number;
  /** The body as received. */
  text: string;
  /** Undefined when the body is not the documented `{code, message, data}` envelope. */
  envelope: Envelope | undefined;
}

/** The call failed. `mayHaveReachedPlatform` is false only when we know nothing was sent. */
export class TransportError extends Error {
  constructor(
    readonly mayHaveReachedPlatform: boolean,
    reason: string,
  ) {
    super(reason);
    this.name = 'TransportError';
  }
}

// Errors raised before a request can have been written to the socket.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

function errorCode(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  return cause ? errorCode(cause) : undefined;
}

export class JsonTransport {
  private readonly pool: Pool;
  private readonly basePath: string;

  constructor(private readonly options: TransportOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/$/, '');
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 32,
      keepAliveTimeout: 30_000,
      connect: { timeout: Math.min(options.timeoutMs, 10_000) },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  post(path: string, body: unknown, bearer?: string): Promise<JsonResponse> {
    return this.postText(path, JSON.stringify(body), bearer);
  }

  /** Posts a body already written as JSON (numbers wider than JSON.stringify can write). */
  async postText(path: string, body: string, bearer?: string): Promise<JsonResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let status: number;
    let text: string;
    try {
      const response = await this.pool.request({
        path: this.basePath + path,
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      const code = errorCode(error) ?? (error as Error).name;
      if (NOT_SENT.has(code)) throw new TransportError(false, `could not connect (${code})`);
      const timedOut = code === 'TimeoutError' || code.includes('TIMEOUT');
      throw new TransportError(true, timedOut ? `no answer within ${this.options.timeoutMs} ms` : `connection lost (${code})`);
    }
    return { status, text, envelope: parseEnvelope(text) };
  }

  /** Whether anything answers HTTP at the base URL (any status), within `timeoutMs`. */
  async reachable(timeoutMs = 2_000): Promise<boolean> {
    try {
      const response = await this.pool.request({ path: this.basePath || '/', method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
      await response.body.dump();
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
