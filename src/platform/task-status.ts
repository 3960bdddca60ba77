// Every assumption about how the platform tells us what became of a task, in one place. The
// platform's callback payload, its status-query endpoint and their status values are NOT public
// (shared/platform-api.md): the shapes below are our decision, the simulator speaks exactly them,
// and a real platform that differs needs a change here and nowhere else.
//
// What we assume:
//  1. A task's status is one JSON object ("status data"):
//       { "taskId": <integer>, "status": <string>, "progress"?: 0..100, "videoUrl"?: <string>,
//         "duration"?: <seconds>, "errorCode"?: <integer>, "errorMessage"?: <string>,
//         "finishedAt"?: <unix ms or ISO 8601> }
//     `taskId` is the id the create call returned, as a JSON number (may exceed 2^53, read exactly)
//     or a string of digits.
//  2. `status` is one of QUEUED, PROCESSING, SUCCEEDED, FAILED (case-insensitive; also accepted:
//     WAITING/PENDING, RUNNING, SUCCESS/COMPLETED, FAILURE/ERROR). Anything else is unparseable.
//  3. A SUCCEEDED status carries `videoUrl`, an http(s) URL the video downloads from; without one
//     it is unparseable.
//  4. The callback (an account setting on the platform, not per request) POSTs the status data as
//     its JSON body, either bare or inside the usual envelope `{code: 0, message, data: <status data>}`.
//     Its signature is not public: the receiver's URL carries a secret instead.
//  5. The status query is `POST <SOFTSUGAR_TASK_QUERY_PATH>` with the bearer token and the body
//     `{"taskId": <integer>}`, answered by the usual envelope with the status data in `data`. A
//     non-zero code, or an answer of another shape, tells us nothing (the task is left as it is).
import { isLosslessNumber, LosslessNumber, parse as parseLossless } from 'lossless-json';
import type { TaskReport } from '../takeover/task-state-machine.js';
import { exactInteger, type Envelope } from './protocol.js';

/** Where the simulator answers status queries (the real platform's path is not public: SOFTSUGAR_TASK_QUERY_PATH). */
export const SIMULATOR_TASK_QUERY_PATH = '/api/2dvh/v1/material/video/takeover/query';

/** The statuses we write (the simulator) and read first. */
export type PlatformStatus = 'QUEUED' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED';

const STATUS_ALIASES: Record<string, PlatformStatus> = {
  QUEUED: 'QUEUED',
  WAITING: 'QUEUED',
  PENDING: 'QUEUED',
  PROCESSING: 'PROCESSING',
  RUNNING: 'PROCESSING',
  SUCCEEDED: 'SUCCEEDED',
  SUCCESS: 'SUCCEEDED',
  COMPLETED: 'SUCCEEDED',
  FAILED: 'FAILED',
  FAILURE: 'FAILED',
  ERROR: 'FAILED',
};

/** One task's status as the platform states it (assumption 1). */
export interface StatusData {
  taskId: string;
  status: PlatformStatus;
  progress?: number;
  videoUrl?: string;
  duration?: number;
  errorCode?: number;
  errorMessage?: string;
  finishedAt?: number;
}

/** The status data as JSON text, with the task id written as a JSON number with every digit. */
export function writeStatusData(data: StatusData): string {
  const { taskId, ...rest } = data;
  const tail = JSON.stringify(rest).slice(1);
  return `{"taskId":${taskId}${tail === '}' ? '}' : `,${tail}`}`;
}

/** The status-query request body (assumption 5). */
export function statusQueryBody(platformTaskId: string): string {
  return `{"taskId":${platformTaskId}}`;
}

/** The task id a status-query request body asks about (for the simulator). */
export function platformTaskIdOfQuery(body: string): string | undefined {
  const json = parseExact(body);
  return isObject(json) ? exactInteger(json.taskId) : undefined;
}

export type ParsedStatus = { platformTaskId: string; report: TaskReport } | { unparseable: string };

/** A callback body (assumption 4). */
export function parseCallbackBody(body: string): ParsedStatus {
  const json = parseExact(body);
  if (!isObject(json)) return { unparseable: 'the body is not a JSON object' };
  if ('data' in json && 'code' in json) {
    const code = isLosslessNumber(json.code) ? Number(json.code.value) : json.code;
    if (code !== 0) return { unparseable: `the envelope's code is ${JSON.stringify(code)}, not 0` };
    return parseStatusData(json.data);
  }
  return parseStatusData(json);
}

/** A status-query answer's envelope (assumption 5), for the task we asked about. */
export function parseQueryAnswer(platformTaskId: string, envelope: Envelope | undefined): ParsedStatus {
  if (!envelope) return { unparseable: 'the answer is not the {code, message, data} envelope' };
  if (envelope.code !== 0) return { unparseable: `the platform answered code ${envelope.code}: ${envelope.message}` };
  const parsed = parseStatusData(envelope.data);
  if ('report' in parsed && parsed.platformTaskId !== platformTaskId) {
    return { unparseable: `the answer is about task ${parsed.platformTaskId}, not ${platformTaskId}` };
  }
  return parsed;
}

/** Status data (assumptions 1-3) as a report on the task. */
export function parseStatusData(value: unknown): ParsedStatus {
  if (!isObject(value)) return { unparseable: 'the status data is not a JSON object' };
  const platformTaskId = exactInteger(value.taskId);
  if (!platformTaskId) return { unparseable: 'taskId is missing or not an integer' };
  const status = typeof value.status === 'string' ? STATUS_ALIASES[value.status.toUpperCase()] : undefined;
  if (!status) return { unparseable: `unknown status ${JSON.stringify(plain(value.status))}` };
  const progress = number(value.progress);
  const completedAt = time(value.finishedAt);
  switch (status) {
    case 'QUEUED':
      return { platformTaskId, report: { kind: 'queued', platformTaskId } };
    case 'PROCESSING':
      return { platformTaskId, report: { kind: 'processing', platformTaskId, progress } };
    case 'SUCCEEDED': {
      const resultUrl = typeof value.videoUrl === 'string' && /^https?:\/\//i.test(value.videoUrl) ? value.videoUrl : undefined;
      if (!resultUrl) return { unparseable: 'SUCCEEDED without an http(s) videoUrl' };
      const durationSeconds = number(value.duration);
      return { platformTaskId, report: { kind: 'succeeded', platformTaskId, resultUrl, durationSeconds, completedAt } };
    }
    case 'FAILED': {
      const code = number(value.errorCode);
      const message = typeof value.errorMessage === 'string' ? value.errorMessage.slice(0, 1_000) : undefined;
      return { platformTaskId, report: { kind: 'failed', platformTaskId, code: code === undefined ? undefined : Math.trunc(code), message, completedAt } };
    }
  }
}

function parseExact(text: string): unknown {
  try {
    return parseLossless(text, null, (digits) => new LosslessNumber(digits));
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const plain = (value: unknown) => (isLosslessNumber(value) ? value.value : value);

function number(value: unknown): number | undefined {
  const n = isLosslessNumber(value) ? Number(value.value) : typeof value === 'number' ? value : undefined;
  return n !== undefined && Number.isFinite(n) && Math.abs(n) < 2 ** 31 ? n : undefined;
}

function time(value: unknown): Date | undefined {
  const ms = isLosslessNumber(value) ? Number(value.value) : typeof value === 'number' ? value : undefined;
  const date = typeof value === 'string' ? new Date(value) : ms !== undefined ? new Date(ms) : undefined;
  return date && Number.isFinite(date.getTime()) ? date : undefined;
}
