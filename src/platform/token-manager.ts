// Access tokens: fetched with a signed request, cached, refreshed before they expire, and
// replaced once when the platform says a token is no longer good. Tokens and the appKey are
// never put into errors or logs.
import { PATHS, isAuthFailure, signToken, tokenDataSchema, type TokenData } from './protocol.js';
import type { JsonTransport } from './transport.js';

export interface Credentials {
  appId: string;
  appKey: string;
}

/** Getting a token failed with an answer from the platform (wrong credentials, say). */
export class TokenRequestRejected extends Error {
  constructor(
    readonly code: number,
    readonly platformMessage: string,
  ) {
    super(`the platform refused to issue an access token (code ${code}: ${platformMessage})`);
    this.name = 'TokenRequestRejected';
  }
}

interface CachedToken {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

export interface TokenManagerOptions {
  /** Renew this long before expiry, so a token never expires in flight. */
  renewMarginMs?: number;
  now?: () => number;
}

export class TokenManager {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private readonly renewMarginMs: number;
  private readonly now: () => number;

  constructor(
    private readonly transport: JsonTransport,
    private readonly credentials: Credentials,
    options: TokenManagerOptions = {},
  ) {
    this.renewMarginMs = options.renewMarginMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async accessToken(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.accessExpiresAt - this.renewMarginMs) return cached.accessToken;
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
    const canRefresh = cached && this.now() < cached.refreshExpiresAt - this.renewMarginMs;
    const data = canRefresh ? await this.refresh(cached.refreshToken).catch(() => this.login()) : await this.login();
    const now = this.now();
    this.cached = {
      accessToken: data.accessToken,
      accessExpiresAt: now + data.expiresIn * 1000,
      refreshToken: data.refreshToken,
      refreshExpiresAt: now + data.refreshTokenExpiresIn * 1000,
    };
    return this.cached;
  }

  private login(): Promise<TokenData> {
    // The FAQ's worked example signs a timestamp in seconds.
    const timestamp = String(Math.floor(this.now() / 1000));
    const { appId, appKey } = this.credentials;
    return this.call(PATHS.token, { appId, timestamp, sign: signToken(appId, timestamp, appKey), grantType: 'sign' });
  }

  private refresh(refreshToken: string): Promise<TokenData> {
    return this.call(PATHS.refresh, { appId: this.credentials.appId, grantType: 'refreshToken' }, refreshToken);
  }

  private async call(path: string, body: unknown, bearer?: string): Promise<TokenData> {
    const { status, envelope } = await this.transport.post(path, body, bearer);
    if (!envelope) throw new TokenRequestRejected(status, `HTTP ${status} without the documented envelope`);
    if (envelope.code !== 0 || isAuthFailure(status, envelope)) {
      throw new TokenRequestRejected(envelope.code, envelope.message);
    }
    const data = tokenDataSchema.safeParse(envelope.data);
    if (!data.success) throw new TokenRequestRejected(envelope.code, 'token response without the documented fields');
    return data.data;
  }
}
