// One log line per platform outcome: what happened to which task, never a secret.
import type { CreateOutcome } from '../platform/outcome.js';

/** The part of a pino logger a submission uses. */
export interface SubmissionLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export function logOutcome(log: SubmissionLog, taskId: string, outcome: CreateOutcome, context: Record<string, unknown>): void {
  const fields = { ...context, taskId, outcome: outcome.kind };
  switch (outcome.kind) {
    case 'created':
      return log.info({ ...fields, platformTaskId: outcome.platformTaskId }, 'platform accepted the task');
    case 'rejected':
      return log.warn({ ...fields, platformCode: outcome.code, reason: outcome.message }, 'platform rejected the task');
    case 'unreachable':
      return log.warn({ ...fields, reason: outcome.reason }, 'platform not reached or did not process the request: nothing was created');
    case 'unknown':
      return log.error({ ...fields, reason: outcome.reason }, 'no usable answer from the platform: it may have created the task');
  }
}
