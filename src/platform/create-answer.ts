// What an answer to the create call means. The line that matters is between "nothing was
// created" (UNREACHABLE, REJECTED: safe to submit again) and "the platform may have it"
// (UNKNOWN: never resubmitted), so only answers that say the request was not processed count
// as the former.
import type { CreateOutcome } from './outcome.js';
import { exactInteger, type Envelope } from './protocol.js';

/** How much of an answer's body is kept with the task. */
export const RAW_BODY_LIMIT = 2_000;

export function rawAnswer(httpStatus: number, body: string): string {
  return JSON.stringify({ httpStatus, body: body.length > RAW_BODY_LIMIT ? `${body.slice(0, RAW_BODY_LIMIT)}…` : body });
}

/**
 * HTTP statuses that say the request was not processed: 3xx (redirects are not followed), 4xx
 * (refused before processing: bad request, not found, too many requests…; 401 is handled as an
 * expired token before this), and 503 (service unavailable). Every other 5xx (500 internal error,
 * 502 bad gateway, 504 gateway timeout) can come after the platform stored the task.
 */
export function meansNotProcessed(httpStatus: number): boolean {
  return (httpStatus >= 300 && httpStatus < 500) || httpStatus === 503;
}

export function interpretCreateAnswer(httpStatus: number, body: string, envelope: Envelope | undefined): CreateOutcome {
  const raw = rawAnswer(httpStatus, body);
  const said = envelope ? ` (code ${envelope.code}: ${envelope.message})` : '';
  if (httpStatus >= 200 && httpStatus < 300) {
    if (!envelope) {
      return { kind: 'unknown', reason: `HTTP ${httpStatus} with a body that is not the documented envelope (HTML, truncated or other JSON)`, raw };
    }
    if (envelope.code !== 0) return { kind: 'rejected', code: envelope.code, message: envelope.message, raw };
    const platformTaskId = exactInteger(envelope.data);
    if (platformTaskId) return { kind: 'created', platformTaskId, raw };
    return { kind: 'unknown', reason: 'the platform reported success without a usable task id', raw };
  }
  if (meansNotProcessed(httpStatus)) {
    // A refusal in the documented envelope is the platform's own answer; the HTTP status never stands in for its code.
    if (envelope && envelope.code !== 0 && httpStatus < 500) return { kind: 'rejected', code: envelope.code, message: envelope.message, raw };
    return { kind: 'unreachable', reason: `the platform answered HTTP ${httpStatus}${said}, which means it did not process the request`, raw };
  }
  return { kind: 'unknown', reason: `the platform answered HTTP ${httpStatus}${said}`, raw };
}
