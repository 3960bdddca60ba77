// The submission peer of `npm run bench`: what someone would write by hand instead of this service
// to submit takeover videos, built on the project's own domain code so that it tracks what a
// submission must do. node:http, JSON in and out; per request:
//   1. validate `videoName` and `params` with the project's rules (takeoverParamsSchema, defaults
//      applied), answering 400 with every problem otherwise;
//   2. serialise the platform's `param` string (toParamString);
//   3. write the task row, SUBMITTING, into the service's own Task table (better-sqlite3, WAL,
//      synchronous=NORMAL as the service opens it, prepared statements);
//   4. call the platform's create endpoint (undici pool, the token fetched once at start-up);
//   5. update the row with the outcome (SUBMITTED, REJECTED, UNREACHABLE or UNKNOWN, with the
//      platform's task id, code and message or the reason);
//   6. answer `{ task: { id, status } }`.
// It leaves out what the service does beyond that submission: API keys and tenants (every task
// is the default tenant's, on the global platform account), rate limits, GraphQL (parsing,
// validation, the typed result union), presets and variables, idempotency keys, thumbnails,
// token renewal and the retry after a refused token, request ids, logs, metrics and the body
// size limit. Expects POST {"videoName": "…", "params": {…}}, the mutation's variables.
//   DATABASE_URL=file:… SOFTSUGAR_BASE_URL=… SOFTSUGAR_APP_ID=… SOFTSUGAR_APP_KEY=… tsx bench/forwarder.ts
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { z } from 'zod';
import { DEFAULT_TENANT } from '../src/db/tenants.js';
import { PATHS, signToken } from '../src/platform/protocol.js';
import { LIMITS } from '../src/takeover/limits.js';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { toParamString } from '../src/takeover/wire-format.js';
import { sqliteTimestamp } from './seed.js';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is required`); })();
const databaseUrl = env('DATABASE_URL');
if (!databaseUrl.startsWith('file:')) throw new Error('the forwarder writes to a SQLite file: DATABASE_URL=file:…');
const platformUrl = new URL(env('SOFTSUGAR_BASE_URL'));
const appId = env('SOFTSUGAR_APP_ID');
const appKey = env('SOFTSUGAR_APP_KEY');
const TIMEOUT_MS = 30_000;

const db = new Database(databaseUrl.slice('file:'.length), { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const insertTask = db.prepare(
  `INSERT INTO Task (id, ownerId, videoName, params, paramString, status, createdAt, updatedAt)
   VALUES (?, '${DEFAULT_TENANT}', ?, ?, ?, 'SUBMITTING', ?, ?)`,
);
const recordOutcome = db.prepare(
  `UPDATE Task SET status = ?, platformTaskId = ?, platformCode = ?, platformMessage = ?, failureReason = ?, updatedAt = ? WHERE id = ?`,
);

const requestSchema = z.object({
  videoName: z.string().trim().min(1, 'a video name is required').max(LIMITS.maxNameLength),
  params: takeoverParamsSchema,
});

// The same pool the service's transport keeps (32 keep-alive connections).
const platform = new Pool(platformUrl.origin, { connections: 32, keepAliveTimeout: 30_000 });
const basePath = platformUrl.pathname.replace(/\/$/, '');

async function postToPlatform(path: string, body: unknown, bearer?: string) {
  const response = await platform.request({
    path: basePath + path,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.body.text();
  let envelope: { code?: unknown; message?: unknown; data?: unknown } | undefined;
  try {
    envelope = JSON.parse(text) as typeof envelope;
  } catch {
    envelope = undefined;
  }
  return { status: response.statusCode, envelope };
}

const timestamp = String(Math.floor(Date.now() / 1000));
const login = await postToPlatform(PATHS.token, { appId, timestamp, sign: signToken(appId, timestamp, appKey), grantType: 'sign' });
const accessToken = (login.envelope?.data as { accessToken?: string } | undefined)?.accessToken;
if (login.envelope?.code !== 0 || !accessToken) throw new Error(`the platform refused a token (HTTP ${login.status})`);

type Outcome = { status: 'SUBMITTED' | 'REJECTED' | 'UNREACHABLE' | 'UNKNOWN'; platformTaskId?: string; code?: number; message?: string; reason?: string };

async function createOnPlatform(videoName: string, param: string): Promise<Outcome> {
  let answer: Awaited<ReturnType<typeof postToPlatform>>;
  try {
    answer = await postToPlatform(PATHS.createTakeover, { videoName, param }, accessToken);
  } catch (error) {
    return { status: 'UNKNOWN', reason: `no answer from the platform (${(error as Error).name})` };
  }
  const { status, envelope } = answer;
  if (status === 504) return { status: 'UNKNOWN', reason: 'the platform gateway timed out (HTTP 504)' };
  if (status >= 500 || typeof envelope?.code !== 'number') return { status: 'UNREACHABLE', reason: `the platform answered HTTP ${status}` };
  if (envelope.code !== 0) return { status: 'REJECTED', code: envelope.code, message: String(envelope.message ?? '') };
  if (typeof envelope.data !== 'number') return { status: 'UNKNOWN', reason: 'the platform reported success without a task id' };
  return { status: 'SUBMITTED', platformTaskId: String(envelope.data) };
}

async function submit(body: unknown): Promise<{ status: number; json: unknown }> {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    return { status: 400, json: { errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) } };
  }
  const { videoName, params } = parsed.data;
  const paramString = toParamString(params);
  const id = randomUUID();
  const now = Date.now();
  insertTask.run(id, videoName, JSON.stringify(params), paramString, sqliteTimestamp(now), sqliteTimestamp(now));
  const outcome = await createOnPlatform(videoName, paramString);
  recordOutcome.run(outcome.status, outcome.platformTaskId ?? null, outcome.code ?? null, outcome.message ?? null, outcome.reason ?? null, sqliteTimestamp(Date.now()), id);
  return { status: 200, json: { task: { id, status: outcome.status } } };
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  let answer: { status: number; json: unknown };
  if (req.method !== 'POST') {
    answer = { status: 405, json: { errors: [{ message: 'POST a JSON body' }] } };
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      answer = await submit(body);
    } catch (error) {
      answer = error instanceof SyntaxError ? { status: 400, json: { errors: [{ message: 'the body is not JSON' }] } } : { status: 500, json: { errors: [{ message: 'internal error' }] } };
    }
  }
  const text = JSON.stringify(answer.json);
  res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => void handle(req, res));
server.listen(0, '127.0.0.1', () => {
  console.log(`forwarder on http://127.0.0.1:${(server.address() as AddressInfo).port}/submit`);
});
process.once('SIGTERM', () => server.close(() => void platform.close().then(() => db.close()).then(() => process.exit(0))));
