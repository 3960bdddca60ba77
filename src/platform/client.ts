// The SoftSugar client: one create call, with the token handled around it. The create call is
// sent at most twice, and the second time only after the platform said the token was refused,
// which means it did not create anything.
import type { CreateOutcome, CreateTakeoverRequest } from './outcome.js';
import { PATHS, isAuthFailure, type Envelope } from './protocol.js';
import { TokenManager, TokenRequestRejected, type Credentials, type TokenManagerOptions } from './token-manager.js';
import { JsonTransport, TransportError } from './transport.js';

export interface PlatformClientOptions extends Credentials, TokenManagerOptions {
  baseUrl: string;
  timeoutMs: number;
}

export interface PlatformClient {
  createTakeover(request: CreateTakeoverRequest): Promise<CreateOutcome>;
  /** Whether the platform answers at all (for readiness checks); sends no task. */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}

export class SoftSugarClient implements PlatformClient {
  private readonly transport: JsonTransport;
  private readonly tokens: TokenManager;

  constructor(options: PlatformClientOptions) {
    this.transport = new JsonTransport({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
    this.tokens = new TokenManager(this.transport, options, options);
  }

  async createTakeover(request: CreateTakeoverRequest): Promise<CreateOutcome> {
    try {
      const first = await this.attempt(request);
      if (first !== 'auth-failure') return first;
      const second = await this.attempt(request);
      return second === 'auth-failure'
        ? { kind: 'rejected', code: 401, message: 'the platform refused a freshly issued access token' }
        : second;
    } catch (error) {
      return describeFailure(error);
    }
  }

  private async attempt(request: CreateTakeoverRequest): Promise<CreateOutcome | 'auth-failure'> {
    const token = await this.accessToken();
    const body = {
      videoName: request.videoName,
      ...(request.thumbnailUrl ? { thumbnailUrl: request.thumbnailUrl } : {}),
      param: request.param,
    };
    const { status, envelope } = await this.transport.post(PATHS.createTakeover, body, token);
    if (isAuthFailure(status, envelope)) {
      this.tokens.invalidate(token);
      return 'auth-failure';
    }
    return interpretCreateResponse(status, envelope);
  }

  // No create call has gone out yet, so any failure here means nothing was created.
  private async accessToken(): Promise<string> {
    try {
      return await this.tokens.accessToken();
    } catch (error) {
      if (error instanceof TransportError) throw new TransportError(false, `token request failed: ${error.message}`);
      throw error;
    }
  }

  reachable(): Promise<boolean> {
    return this.transport.reachable();
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

function interpretCreateResponse(status: number, envelope: Envelope | undefined): CreateOutcome {
  // A gateway timeout means a proxy gave up waiting: the platform may still have the task.
  if (status === 504) return { kind: 'unknown', reason: 'the platform gateway timed out (HTTP 504)' };
  if (status >= 500) return { kind: 'unreachable', reason: `the platform answered HTTP ${status}` };
  if (!envelope) return { kind: 'unreachable', reason: `HTTP ${status} with a body that is not the documented envelope` };
  if (envelope.code !== 0) return { kind: 'rejected', code: envelope.code, message: envelope.message };
  const id = envelope.data;
  if (typeof id === 'number' && Number.isInteger(id)) return { kind: 'created', platformTaskId: String(id) };
  return { kind: 'unknown', reason: 'the platform reported success without a task id' };
}

function describeFailure(error: unknown): CreateOutcome {
  if (error instanceof TokenRequestRejected) {
    return { kind: 'rejected', code: error.code, message: error.message };
  }
  if (error instanceof TransportError) {
    return error.mayHaveReachedPlatform
      ? { kind: 'unknown', reason: error.message }
      : { kind: 'unreachable', reason: error.message };
  }
  throw error;
}
