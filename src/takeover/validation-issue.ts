import type { z } from 'zod';

export interface ValidationIssue {
  /** Where the problem is, e.g. `params.foregrounds[1].rect.width`. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function issuesFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message,
  }));
}

/** Thrown (or returned) when input breaks our rules; nothing has been recorded or sent. */
export class TakeoverValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`${issues.length} problem(s) in the input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'TakeoverValidationError';
  }
}
