// The SoftSugar client: one create call, with the token handled around it. The create call is
// sent at most twice, and the second time only after the platform said the token was refused,
// which means it did not create anything.
import { interpretCreateAnswer, rawAnswer } from './create-answer.js';
import type { CreateOutcome, CreateTakeoverRequest } from './outcome.js';
import { PATHS, isAuthFailure } from './protocol.js';
import { parseQueryAnswer, statusQueryBody } from './task-status.js';
import type { TaskReport } from '../takeover/task-state-machine.js';
import { TokenManager, TokenRequestRejected, type Credentials, type TokenManagerOptions } from './token-manager.js';
import { JsonTransport, TransportError, type JsonResponse } from './transport.js';

export interface PlatformClientOptions extends Credentials, TokenManagerOptions {
  baseUrl: string;
  timeoutMs: number;
  /** The status-query path (not public: SOFTSUGAR_TASK_QUERY_PATH); without it `queryTask` is off. */
  taskQueryPath?: string | undefined;
}

/** What a status query found out. Only `report` may change a task; anything else means "ask again later". */
export type TaskQueryResult =
  | { kind: 'report'; report: TaskReport; raw: string }
  /** The call failed or the answer said nothing we understand. */
  | { kind: 'failed'; reason: string; raw?: string | undefined }
  /** This platform client has no status query configured. */
  | { kind: 'unsupported' };

/**
 * The most platform calls one submission makes, each bounded by the timeout: a refresh that fails
 * and a login, the create call, and after a refused token another login and create call.
 */
export const MAX_CALLS_PER_SUBMISSION = 5;

export interface PlatformClient {
  createTakeover(request: CreateTakeoverRequest): Promise<CreateOutcome>;
  /** Asks the platform what became of one of its tasks. Never throws. */
  queryTask(platformTaskId: string): Promise<TaskQueryResult>;
  /** Whether the platform answers at all (for readiness checks); sends no task. */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}

export class SoftSugarClient implements PlatformClient {
  private readonly transport: JsonTransport;
  private readonly tokens: TokenManager;

  constructor(private readonly options: PlatformClientOptions) {
    this.transport = new JsonTransport({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
    this.tokens = new TokenManager(this.transport, options, options);
  }

  async createTakeover(request: CreateTakeoverRequest): Promise<CreateOutcome> {
    try {
      const first = await this.attempt(request);
      if (!('authFailure' in first)) return first;
      const second = await this.attempt(request);
      return 'authFailure' in second ? refusedFreshToken(second.authFailure) : second;
    } catch (error) {
      return describeFailure(error);
    }
  }

  private async attempt(request: CreateTakeoverRequest): Promise<CreateOutcome | { authFailure: JsonResponse }> {
    const token = await this.accessToken();
    const body = {
      videoName: request.videoName,
      ...(request.thumbnailUrl ? { thumbnailUrl: request.thumbnailUrl } : {}),
      param: request.param,
    };
    const response = await this.transport.post(PATHS.createTakeover, body, token);
    if (isAuthFailure(response.status, response.envelope)) {
      this.tokens.invalidate(token);
      return { authFailure: response };
    }
    return interpretCreateAnswer(response.status, response.text, response.envelope);
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

  async queryTask(platformTaskId: string): Promise<TaskQueryResult> {
    const path = this.options.taskQueryPath;
    if (!path) return { kind: 'unsupported' };
    try {
      let response = await this.queryOnce(path, platformTaskId);
      if (response === 'auth failure') response = await this.queryOnce(path, platformTaskId);
      if (response === 'auth failure') return { kind: 'failed', reason: 'the platform refused a freshly issued access token' };
      const raw = rawAnswer(response.status, response.text);
      const parsed = parseQueryAnswer(platformTaskId, response.envelope);
      return 'report' in parsed ? { kind: 'report', report: parsed.report, raw } : { kind: 'failed', reason: parsed.unparseable, raw };
    } catch (error) {
      if (error instanceof TransportError || error instanceof TokenRequestRejected) return { kind: 'failed', reason: error.message };
      return { kind: 'failed', reason: 'unexpected error while querying the task' };
    }
  }

  private async queryOnce(path: string, platformTaskId: string): Promise<JsonResponse | 'auth failure'> {
    const token = await this.tokens.accessToken();
    const response = await this.transport.postText(path, statusQueryBody(platformTaskId), token);
    if (!isAuthFailure(response.status, response.envelope)) return response;
    this.tokens.invalidate(token);
    return 'auth failure';
  }

  reachable(): Promise<boolean> {
    return this.transport.reachable();
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

/** A refused token means nothing was created; only the envelope's own code is reported as the platform's code. */
function refusedFreshToken({ status, text, envelope }: JsonResponse): CreateOutcome {
  const raw = rawAnswer(status, text);
  const refused = 'the platform refused a freshly issued access token';
  return envelope && envelope.code !== 0
    ? { kind: 'rejected', code: envelope.code, message: `${refused}: ${envelope.message}`, raw }
    : { kind: 'unreachable', reason: `${refused} (HTTP ${status})`, raw };
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
