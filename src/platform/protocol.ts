// What we know of the platform's wire protocol (shared/platform-api.md), shared by the client
// and the simulator so that both speak exactly the same paths and shapes.
import { createHash } from 'node:crypto';
import { isLosslessNumber, LosslessNumber, parse as parseLossless } from 'lossless-json';
import { z } from 'zod';

export const PATHS = {
  token: '/api/uc/v1/access/api/token',
  refresh: '/api/uc/v1/access/api/token/refresh',
  createTakeover: '/api/2dvh/v1/material/video/takeover/create',
} as const;

export const DEFAULT_BASE_URL = 'https://aigc.softsugar.com';

/** Every response: `code` 0 is success, anything else an error; `data` is empty on error. */
export interface Envelope {
  code: number;
  message: string;
  /** Numbers inside keep every digit: each is a LosslessNumber (see `exactInteger`, `plainNumbers`). */
  data?: unknown;
}

/**
 * Reads a body as the documented envelope, or undefined when it is not one (not JSON, truncated,
 * another shape). Numbers are read losslessly: task ids may exceed 2^53, where JSON.parse would
 * silently change their last digits.
 */
export function parseEnvelope(text: string): Envelope | undefined {
  let body: unknown;
  try {
    body = parseLossless(text, null, (digits) => new LosslessNumber(digits));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { code, message, data } = body as Record<string, unknown>;
  if (!isLosslessNumber(code) || !/^-?\d{1,15}$/.test(code.value) || typeof message !== 'string') return undefined;
  return { code: Number(code.value), message, ...(data !== undefined && { data }) };
}

/** The digits of an integer exactly as the platform wrote them (a JSON number or a string of digits). */
export function exactInteger(value: unknown): string | undefined {
  const digits = isLosslessNumber(value) ? value.value : typeof value === 'string' ? value : undefined;
  return digits !== undefined && /^\d{1,64}$/.test(digits) ? digits : undefined;
}

/** `value` with its lossless numbers turned into plain ones, for fields that are small numbers. */
export function plainNumbers(value: unknown): unknown {
  if (isLosslessNumber(value)) return Number(value.value);
  if (Array.isArray(value)) return value.map(plainNumbers);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainNumbers(item)]));
  }
  return value;
}

export const tokenDataSchema = z.object({
  accessToken: z.string().min(1),
  expiresIn: z.number().nonnegative(),
  refreshToken: z.string().min(1),
  refreshTokenExpiresIn: z.number().nonnegative(),
});
export type TokenData = z.infer<typeof tokenDataSchema>;

/** Lowercase hex MD5 of appId + timestamp + appKey. */
export function signToken(appId: string, timestamp: string, appKey: string): string {
  return createHash('md5').update(appId + timestamp + appKey).digest('hex');
}

/** How the token request's timestamp is written: the FAQ's example uses seconds, public clients milliseconds. */
export type TimestampUnit = 'seconds' | 'milliseconds';

export function tokenTimestamp(nowMs: number, unit: TimestampUnit): string {
  return String(unit === 'seconds' ? Math.floor(nowMs / 1000) : Math.floor(nowMs));
}

/**
 * The platform's code for a missing, invalid or expired token is not public. We treat HTTP 401
 * and envelope code 401 as "log in again"; the simulator answers that way.
 */
export const AUTH_FAILURE_CODE = 401;
export function isAuthFailure(httpStatus: number, envelope: Envelope | undefined): boolean {
  return httpStatus === 401 || envelope?.code === AUTH_FAILURE_CODE;
}
