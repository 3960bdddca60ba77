// What we know of the platform's wire protocol (shared/platform-api.md), shared by the client
// and the simulator so that both speak exactly the same paths and shapes.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const PATHS = {
  token: '/api/uc/v1/access/api/token',
  refresh: '/api/uc/v1/access/api/token/refresh',
  createTakeover: '/api/2dvh/v1/material/video/takeover/create',
} as const;

export const DEFAULT_BASE_URL = 'https://aigc.softsugar.com';

/** Every response: `code` 0 is success, anything else an error; `data` is empty on error. */
export const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

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

/**
 * The platform's code for a missing, invalid or expired token is not public. We treat HTTP 401
 * and envelope code 401 as "log in again"; the simulator answers that way.
 */
export const AUTH_FAILURE_CODE = 401;
export function isAuthFailure(httpStatus: number, envelope: Envelope | undefined): boolean {
  return httpStatus === 401 || envelope?.code === AUTH_FAILURE_CODE;
}
