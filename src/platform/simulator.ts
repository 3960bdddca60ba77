// A stand-in for the SoftSugar platform: the token, refresh and takeover-create calls as
// documented, rejecting what the real one would, with faults that tests can inject. After
// accepting a task it "renders" it: reports progress, then succeeds with a downloadable video (or
// fails), calling the callback URL at each step and answering status queries, in the shapes
// task-status.ts assumes. Sandbox magic values in the video name pick the scenario.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTH_FAILURE_CODE, PATHS, signToken, type TimestampUnit } from './protocol.js';
import { SANDBOX_FAIL_CODE, SANDBOX_REJECT_CODE, sandboxScenario, type SandboxScenario } from './sandbox-magic.js';
import { platformTaskIdOfQuery, SIMULATOR_TASK_QUERY_PATH, writeStatusData, type StatusData } from './task-status.js';

export type SimulatorFault =
  /** Answer normally, after a delay. */
  | { kind: 'latency'; ms: number }
  /** Answer once `until` settles (a test decides when the call ends): normally, or with the fault `then`. */
  | { kind: 'held'; until: Promise<unknown>; then?: SimulatorFault }
  /** Answer with this HTTP status and a plain-text body; nothing is created unless `created`. */
  | { kind: 'status'; status: number; created?: boolean }
  /** Answer 200 with a body that is not JSON; nothing is created unless `created`. */
  | { kind: 'malformed'; created?: boolean }
  /** Create the task, then answer 200 with the envelope cut off half-way. */
  | { kind: 'truncated' }
  /** Create the task, then drop the connection without answering. */
  | { kind: 'reset' }
  /** Create the task and never answer. */
  | { kind: 'hang' }
  /** Answer with this non-zero code (with HTTP 200 unless `status`); nothing is created. */
  | { kind: 'reject'; code: number; message: string; status?: number };

/** Faults of the token and refresh calls. */
export type TokenFault =
  /** Answer with this HTTP status and a plain-text body, as an outage would. */
  | { kind: 'status'; status: number }
  /** Answer 200 with an HTML page. */
  | { kind: 'malformed' }
  /** Answer with this non-zero code. */
  | { kind: 'reject'; code: number; message: string };

export interface SimulatorOptions {
  appId: string;
  appKey: string;
  /** More platform accounts, e.g. tenants' own. */
  moreAccounts?: { appId: string; appKey: string }[];
  /** Lifetime of access tokens; the real platform's default is 8 hours. */
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** Delay before every create answer, to model a slow platform. */
  createLatencyMs?: number;
  port?: number;
  /** The simulator's clock, for tests that move time forward. */
  now?: () => number;
  /** The id of the first task created (ids may exceed 2^53; they are sent as JSON numbers). */
  firstTaskId?: bigint;
  /** Accept only token requests signed with this unit; both are accepted when unset. */
  timestampUnit?: TimestampUnit;
  /** How long a task renders (3 s); `sim:slow` takes ten times as long. */
  renderMs?: number;
  /** Where to post status changes (the platform's account-level callback); none when unset. */
  callbackUrl?: string;
}

export interface SimulatedTask {
  /** The id, as the digits sent. */
  id: string;
  /** The account that created it. */
  appId: string;
  videoName: string;
  thumbnailUrl?: string;
  param: string;
  scenario: SandboxScenario;
  /** When it was accepted, on the simulator's clock. */
  createdAt: number;
  renderMs: number;
}

/** A callback the simulator posted, and the HTTP status it got (undefined: no answer). */
export interface SentCallback {
  taskId: string;
  status: StatusData['status'];
  body: string;
  httpStatus: number | undefined;
}

const CODES = { badRequest: 400, forbidden: 403, notFound: 404 } as const;

interface IssuedToken {
  expiresAt: number;
  kind: 'access' | 'refresh';
  appId: string;
}

/** How many created tasks the simulator remembers (the oldest are forgotten first). */
const REMEMBERED_TASKS = 1_000;

export class PlatformSimulator {
  /** The most recently created tasks, oldest first. */
  readonly tasks: SimulatedTask[] = [];
  readonly calls = { token: 0, refresh: 0, create: 0, query: 0 };
  /** Status queries per task id. */
  readonly queriesByTask = new Map<string, number>();
  readonly callbacks: SentCallback[] = [];
  /** Where status changes are posted; may be set after start (the service listens after the simulator). */
  callbackUrl: string | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly callbacksInFlight = new Set<Promise<void>>();
  private readonly faults: SimulatorFault[] = [];
  private readonly tokenFaults: TokenFault[] = [];
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private nextTaskId: bigint;
  private readonly now: () => number;
  /** The timestamp of the last token request, as sent. */
  lastTokenTimestamp: string | undefined;

  private constructor(private readonly options: SimulatorOptions) {
    this.now = options.now ?? Date.now;
    this.nextTaskId = options.firstTaskId ?? 1n;
    this.callbackUrl = options.callbackUrl;
  }

  static async start(options: SimulatorOptions): Promise<PlatformSimulator> {
    const simulator = new PlatformSimulator(options);
    await new Promise<void>((resolve) => simulator.server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return simulator;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Queue faults; each create call takes the next one. */
  injectFaults(...faults: SimulatorFault[]): void {
    this.faults.push(...faults);
  }

  /** Queue faults; each token or refresh call takes the next one. */
  injectTokenFaults(...faults: TokenFault[]): void {
    this.tokenFaults.push(...faults);
  }

  /** The tokens handed out most recently, expired ones too (for tests that check none leaks). */
  readonly issuedTokens: string[] = [];

  /** Make every token issued so far expire now, as if hours had passed. */
  expireAccessTokens(): void {
    for (const token of this.tokens.values()) if (token.kind === 'access') token.expiresAt = 0;
  }

  /** The URL a finished task's video downloads from. */
  resultUrl(taskId: string): string {
    return `${this.url}/results/${taskId}.mp4`;
  }

  /** A task's status now, as a status query answers it. */
  statusOf(task: SimulatedTask): StatusData {
    const elapsed = this.now() - task.createdAt;
    if (elapsed < task.renderMs * 0.2) return { taskId: task.id, status: 'QUEUED' };
    if (elapsed < task.renderMs) return { taskId: task.id, status: 'PROCESSING', progress: Math.floor((elapsed / task.renderMs) * 100) };
    return this.finalStatus(task);
  }

  private finalStatus(task: SimulatedTask): StatusData {
    const finishedAt = task.createdAt + task.renderMs;
    return task.scenario === 'fail'
      ? { taskId: task.id, status: 'FAILED', errorCode: SANDBOX_FAIL_CODE, errorMessage: 'sandbox: rendering failed on request (sim:fail)', finishedAt }
      : { taskId: task.id, status: 'SUCCEEDED', progress: 100, videoUrl: this.resultUrl(task.id), duration: 4, finishedAt };
  }

  /** Posts the callbacks of a task's render at 20 % (started), 60 % and 100 % (its final status). */
  private render(task: SimulatedTask): void {
    const steps: [number, () => StatusData][] = [
      [0.2, () => ({ taskId: task.id, status: 'PROCESSING', progress: 20 })],
      [0.6, () => ({ taskId: task.id, status: 'PROCESSING', progress: 60 })],
      [1, () => this.finalStatus(task)],
    ];
    for (const [share, status] of steps) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.postCallback(status());
      }, task.renderMs * share);
      timer.unref();
      this.timers.add(timer);
    }
  }

  /** Posts one status to the callback URL (also for tests replaying or reordering callbacks). */
  postCallback(status: StatusData): Promise<void> {
    const url = this.callbackUrl;
    if (!url) return Promise.resolve();
    const body = writeStatusData(status);
    const sent: SentCallback = { taskId: status.taskId, status: status.status, body, httpStatus: undefined };
    this.callbacks.push(sent);
    if (this.callbacks.length > REMEMBERED_TASKS) this.callbacks.shift();
    const done = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(5_000) })
      .then(async (response) => {
        sent.httpStatus = response.status;
        await response.body?.cancel();
      })
      .catch(() => {})
      .finally(() => this.callbacksInFlight.delete(done));
    this.callbacksInFlight.add(done);
    return done;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.callbacksInFlight);
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.method === 'GET' && req.url?.startsWith('/results/')) return this.serveResult(req, res);
    if (req.method !== 'POST') return send(res, 405, { code: CODES.notFound, message: 'method not allowed' });
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
      if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not an object');
    } catch {
      return send(res, 200, { code: CODES.badRequest, message: 'request body is not a JSON object' });
    }
    switch (req.url) {
      case PATHS.token:
        return this.issueToken(res, json);
      case PATHS.refresh:
        return this.refreshToken(req, res, json);
      case PATHS.createTakeover:
        return this.createTakeover(req, res, json);
      case SIMULATOR_TASK_QUERY_PATH:
        return this.queryTask(req, res, body);
      default:
        return send(res, 404, { code: CODES.notFound, message: 'not found' });
    }
  }

  /** Answers with the next token fault, if one is queued. */
  private tokenFault(res: ServerResponse): boolean {
    const fault = this.tokenFaults.shift();
    if (!fault) return false;
    if (fault.kind === 'status') sendText(res, fault.status, 'service unavailable');
    else if (fault.kind === 'malformed') sendText(res, 200, '<html>maintenance</html>');
    else send(res, 200, { code: fault.code, message: fault.message });
    return true;
  }

  private issueToken(res: ServerResponse, json: Record<string, unknown>): void {
    this.calls.token += 1;
    if (this.tokenFault(res)) return;
    const { appId, timestamp, sign, grantType } = json;
    if (typeof timestamp === 'string') this.lastTokenTimestamp = timestamp;
    if (grantType !== 'sign') return send(res, 200, { code: CODES.badRequest, message: 'grantType must be "sign"' });
    const appKey = this.appKeyOf(appId);
    if (appKey === undefined || typeof appId !== 'string' || typeof timestamp !== 'string') {
      return send(res, 200, { code: CODES.forbidden, message: 'unknown appId or missing timestamp' });
    }
    if (sign !== signToken(appId, timestamp, appKey)) {
      return send(res, 200, { code: CODES.forbidden, message: 'signature mismatch' });
    }
    // The FAQ signs seconds; public clients send milliseconds. Accept both within five minutes,
    // unless told which one the server requires.
    const unit: TimestampUnit = Number(timestamp) < 1e12 ? 'seconds' : 'milliseconds';
    if (this.options.timestampUnit && unit !== this.options.timestampUnit) {
      return send(res, 200, { code: CODES.forbidden, message: 'timestamp out of range' });
    }
    const sent = unit === 'seconds' ? Number(timestamp) * 1000 : Number(timestamp);
    if (!Number.isFinite(sent) || Math.abs(this.now() - sent) > 5 * 60_000) {
      return send(res, 200, { code: CODES.forbidden, message: 'timestamp out of range' });
    }
    send(res, 200, { code: 0, message: 'success', data: this.tokenPair(appId) });
  }

  private appKeyOf(appId: unknown): string | undefined {
    if (appId === this.options.appId) return this.options.appKey;
    return this.options.moreAccounts?.find((account) => account.appId === appId)?.appKey;
  }

  private refreshToken(req: IncomingMessage, res: ServerResponse, json: Record<string, unknown>): void {
    this.calls.refresh += 1;
    if (this.tokenFault(res)) return;
    if (this.appKeyOf(json.appId) === undefined || json.grantType !== 'refreshToken') {
      return send(res, 200, { code: CODES.badRequest, message: 'appId and grantType "refreshToken" are required' });
    }
    const issued = this.validToken(req, 'refresh');
    if (!issued || issued.appId !== json.appId) {
      return send(res, 401, { code: AUTH_FAILURE_CODE, message: 'refresh token missing, invalid or expired' });
    }
    send(res, 200, { code: 0, message: 'success', data: this.tokenPair(issued.appId) });
  }

  private async createTakeover(req: IncomingMessage, res: ServerResponse, json: Record<string, unknown>) {
    this.calls.create += 1;
    const issued = this.validToken(req, 'access');
    if (!issued) {
      return send(res, 401, { code: AUTH_FAILURE_CODE, message: 'access token missing, invalid or expired' });
    }
    let fault = this.faults.shift();
    if (fault?.kind === 'held') {
      await fault.until.catch(() => {});
      fault = fault.then;
    }
    if (fault?.kind === 'latency') await delay(fault.ms);
    if (this.options.createLatencyMs) await delay(this.options.createLatencyMs);
    const createdFirst = fault?.kind === 'status' || fault?.kind === 'malformed' ? Boolean(fault.created) : true;
    if (fault?.kind === 'reject') return send(res, fault.status ?? 200, { code: fault.code, message: fault.message });
    if (!createdFirst && fault?.kind === 'status') return sendText(res, fault.status, 'upstream failure');
    if (!createdFirst && fault?.kind === 'malformed') return sendText(res, 200, '<html>gateway error</html>');
    const problem = takeoverProblem(json);
    if (problem) return send(res, 200, { code: CODES.badRequest, message: problem });
    const scenario = sandboxScenario(json.videoName as string);
    if (scenario === 'reject') return send(res, 200, { code: SANDBOX_REJECT_CODE, message: 'sandbox: task refused on request (sim:reject)' });
    const renderMs = (this.options.renderMs ?? 3_000) * (scenario === 'slow' ? 10 : 1);
    const task: SimulatedTask = {
      id: String(this.nextTaskId++),
      appId: issued.appId,
      videoName: json.videoName as string,
      param: json.param as string,
      ...(typeof json.thumbnailUrl === 'string' ? { thumbnailUrl: json.thumbnailUrl } : {}),
      scenario,
      createdAt: this.now(),
      renderMs,
    };
    this.tasks.push(task);
    if (this.tasks.length > REMEMBERED_TASKS) this.tasks.shift();
    this.render(task);
    if (scenario === 'unknown') fault = { kind: 'reset' };
    if (scenario === 'timeout') fault = { kind: 'hang' };
    // The id goes out as a JSON number with every digit (JSON.stringify cannot write one above 2^53).
    const answer = `{"code":0,"message":"success","data":${task.id}}`;
    switch (fault?.kind) {
      case 'status':
        return sendText(res, fault.status, 'upstream failure');
      case 'malformed':
        return sendText(res, 200, '<html>gateway error</html>');
      case 'truncated':
        return sendRaw(res, 200, answer.slice(0, answer.length - 8));
      case 'reset':
        return void req.socket.destroy();
      case 'hang':
        return void this.hanging.add(res);
      default:
        sendRaw(res, 200, answer);
    }
  }

  private queryTask(req: IncomingMessage, res: ServerResponse, body: string): void {
    this.calls.query += 1;
    const issued = this.validToken(req, 'access');
    if (!issued) return send(res, 401, { code: AUTH_FAILURE_CODE, message: 'access token missing, invalid or expired' });
    const taskId = platformTaskIdOfQuery(body);
    if (!taskId) return send(res, 200, { code: CODES.badRequest, message: 'taskId is required and must be an integer' });
    this.queriesByTask.set(taskId, (this.queriesByTask.get(taskId) ?? 0) + 1);
    const task = this.tasks.find((candidate) => candidate.id === taskId && candidate.appId === issued.appId);
    if (!task) return send(res, 200, { code: CODES.notFound, message: 'no such task' });
    sendRaw(res, 200, `{"code":0,"message":"success","data":${writeStatusData(this.statusOf(task))}}`);
  }

  private serveResult(req: IncomingMessage, res: ServerResponse): void {
    const id = /^\/results\/(\d+)\.mp4$/.exec(req.url ?? '')?.[1];
    const task = id ? this.tasks.find((candidate) => candidate.id === id) : undefined;
    if (!task || this.statusOf(task).status !== 'SUCCEEDED') return sendText(res, 404, 'no such video');
    const video = resultVideo();
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length }).end(video);
  }

  private tokenPair(appId: string) {
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= this.now()) this.tokens.delete(token);
    const access = randomBytes(24).toString('hex');
    const refresh = randomBytes(24).toString('hex');
    const accessTtl = this.options.accessTokenTtlSeconds ?? 8 * 3600;
    const refreshTtl = this.options.refreshTokenTtlSeconds ?? 7 * 24 * 3600;
    this.issuedTokens.push(access, refresh);
    if (this.issuedTokens.length > REMEMBERED_TASKS) this.issuedTokens.splice(0, 2);
    this.tokens.set(access, { kind: 'access', appId, expiresAt: this.now() + accessTtl * 1000 });
    this.tokens.set(refresh, { kind: 'refresh', appId, expiresAt: this.now() + refreshTtl * 1000 });
    return { accessToken: access, expiresIn: accessTtl, refreshToken: refresh, refreshTokenExpiresIn: refreshTtl };
  }

  private validToken(req: IncomingMessage, kind: IssuedToken['kind']): IssuedToken | undefined {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const issued = token ? this.tokens.get(token) : undefined;
    return issued?.kind === kind && issued.expiresAt > this.now() ? issued : undefined;
  }
}

/** Why the platform would refuse this create body, or undefined if it would accept it. */
function takeoverProblem(json: Record<string, unknown>): string | undefined {
  if (typeof json.videoName !== 'string' || json.videoName === '') return 'videoName is required';
  if (typeof json.param !== 'string') return 'param is required and must be a string';
  let param: Record<string, unknown>;
  try {
    param = JSON.parse(json.param) as Record<string, unknown>;
  } catch {
    return 'param is not valid JSON';
  }
  if (typeof param !== 'object' || param === null) return 'param is not a JSON object';
  const byFileId = (item: unknown) => {
    const { fileId, url } = (item ?? {}) as { fileId?: unknown; url?: unknown };
    return typeof fileId === 'string' && fileId !== '' && (url === undefined || url === '');
  };
  if (!byFileId(param.digital_role)) return 'digital_role only supports fileId';
  for (const key of ['backgrounds', 'foregrounds']) {
    const layers = param[key] ?? [];
    if (!Array.isArray(layers) || !layers.every(byFileId)) return `${key} only support fileId`;
  }
  return undefined;
}

let video: Buffer | undefined;

/** The video every successful task "renders" (assets/, above src/ or dist/src/). */
function resultVideo(): Buffer {
  if (video) return video;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'assets', 'simulator-result.mp4'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('assets/simulator-result.mp4 not found above the simulator');
    dir = parent;
  }
  return (video = readFileSync(path.join(dir, 'assets', 'simulator-result.mp4')));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function sendRaw(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(json);
}

function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
