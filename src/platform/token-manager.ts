// Access tokens: fetched with a signed request, cached, refreshed before they expire, and
// replaced once when the platform says a token is no longer good. Tokens and the appKey are
// never put into errors or logs.
import { PATHS, plainNumbers, signToken, tokenDataSchema, tokenTimestamp, type TimestampUnit, type TokenData } from './protocol.js';
import { TransportError, type JsonTransport } from './transport.js';

export interface Credentials {
  appId: string;
  appKey: string;
}

/** The platform refused to issue a token, in its envelope (wrong credentials, a bad signature…). */
export class TokenRequestRejected extends Error {
  constructor(
    /** The envelope's code; never an HTTP status. */
    readonly code: number,
    readonly platformMessage: string,
    timestampUnit: TimestampUnit,
  ) {
    super(
      `the platform refused to issue an access token (code ${code}: ${platformMessage}); ` +
        `the request was signed with a timestamp in ${timestampUnit} (SOFTSUGAR_TOKEN_TIMESTAMP_UNIT)`,
    );
    this.name = 'TokenRequestRejected';
  }
}

interface CachedToken {
  accessToken: string;
  /** When to stop using it: a margin before it expires. */
  accessRenewAt: number;
  refreshToken: string;
  refreshRenewAt: number;
}

export interface TokenManagerOptions {
  /** Renew at most this long before expiry (5 minutes), so a token never expires in flight. */
  renewMarginMs?: number;
  /** Unit of the signed timestamp; seconds, as in the FAQ's worked example, unless set. */
  timestampUnit?: TimestampUnit;
  now?: () => number;
}

/** Short-lived tokens are renewed this fraction of their lifetime early, not the full margin. */
const RENEW_MARGIN_SHARE = 0.1;

export class TokenManager {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private readonly renewMarginMs: number;
  private readonly timestampUnit: TimestampUnit;
  private readonly now: () => number;

  constructor(
    private readonly transport: JsonTransport,
    private readonly credentials: Credentials,
    options: TokenManagerOptions = {},
  ) {
    this.renewMarginMs = options.renewMarginMs ?? 5 * 60_000;
    this.timestampUnit = options.timestampUnit ?? 'seconds';
    this.now = options.now ?? Date.now;
  }

  async accessToken(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.accessRenewAt) return cached.accessToken;
    return (await this.renew()).accessToken;
  }

  /** Forget `token` after the platform refused it; the next call logs in afresh. */
  invalidate(token: string): void {
    if (this.cached?.accessToken === token) this.cached = undefined;
  }

  private renew(): Promise<CachedToken> {
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<CachedToken> {
    const cached = this.cached;
    const canRefresh = cached && this.now() < cached.refreshRenewAt;
    const data = canRefresh ? await this.refresh(cached.refreshToken).catch(() => this.login()) : await this.login();
    const now = this.now();
    this.cached = {
      accessToken: data.accessToken,
      accessRenewAt: now + this.usableMs(data.expiresIn),
      refreshToken: data.refreshToken,
      refreshRenewAt: now + this.usableMs(data.refreshTokenExpiresIn),
    };
    return this.cached;
  }

  /** How long a token that lives `seconds` is used: all of it but the smaller of the margin and a tenth. */
  private usableMs(seconds: number): number {
    const lifetime = seconds * 1000;
    return lifetime - Math.min(this.renewMarginMs, lifetime * RENEW_MARGIN_SHARE);
  }

  private login(): Promise<TokenData> {
    const timestamp = tokenTimestamp(this.now(), this.timestampUnit);
    const { appId, appKey } = this.credentials;
    return this.call(PATHS.token, { appId, timestamp, sign: signToken(appId, timestamp, appKey), grantType: 'sign' });
  }

  private refresh(refreshToken: string): Promise<TokenData> {
    return this.call(PATHS.refresh, { appId: this.credentials.appId, grantType: 'refreshToken' }, refreshToken);
  }

  /**
   * Only a refusal in the platform's envelope is a rejection; an outage of the token endpoint
   * (5xx, HTML, a body without the documented fields) is a failure to reach the platform.
   */
  private async call(path: string, body: unknown, bearer?: string): Promise<TokenData> {
    const { status, envelope } = await this.transport.post(path, body, bearer);
    const answered = status >= 200 && status < 300;
    if (envelope && envelope.code !== 0 && status < 500) {
      throw new TokenRequestRejected(envelope.code, envelope.message, this.timestampUnit);
    }
    if (!envelope || !answered) {
      throw new TransportError(false, `the token endpoint answered HTTP ${status}${envelope ? '' : ' without the documented envelope'}`);
    }
    const data = tokenDataSchema.safeParse(plainNumbers(envelope.data));
    if (!data.success) throw new TransportError(false, 'the token endpoint answered without the documented token fields');
    return data.data;
  }
}
