import { z } from 'zod';
import { DEFAULT_BASE_URL } from './platform/protocol.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('file:./data/takeover.db'),
  SOFTSUGAR_BASE_URL: z.url().default(DEFAULT_BASE_URL),
  SOFTSUGAR_APP_ID: z.string().optional(),
  SOFTSUGAR_APP_KEY: z.string().optional(),
  SOFTSUGAR_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Undefined: no credentials configured, so the built-in simulator stands in for the platform. */
  platform: { baseUrl: string; appId: string; appKey: string } | undefined;
  platformTimeoutMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the variable, never echo its value: some of them are secrets.
    const names = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${names.join('; ')}`);
  }
  const e = parsed.data;
  const hasCredentials = Boolean(e.SOFTSUGAR_APP_ID && e.SOFTSUGAR_APP_KEY);
  if (!hasCredentials && (e.SOFTSUGAR_APP_ID || e.SOFTSUGAR_APP_KEY)) {
    throw new Error('invalid configuration: set both SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY, or neither');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    platform: hasCredentials
      ? { baseUrl: e.SOFTSUGAR_BASE_URL, appId: e.SOFTSUGAR_APP_ID!, appKey: e.SOFTSUGAR_APP_KEY! }
      : undefined,
    platformTimeoutMs: e.SOFTSUGAR_TIMEOUT_MS,
  };
}
