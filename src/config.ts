import { z } from 'zod';
import { MAX_CALLS_PER_SUBMISSION } from './platform/client.js';
import { DEFAULT_BASE_URL, type TimestampUnit } from './platform/protocol.js';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('file:./data/takeover.db'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  SOFTSUGAR_BASE_URL: z.url().default(DEFAULT_BASE_URL),
  SOFTSUGAR_APP_ID: z.string().optional(),
  SOFTSUGAR_APP_KEY: z.string().optional(),
  SOFTSUGAR_TIMEOUT_MS: positiveInt(30_000),
  SOFTSUGAR_TOKEN_TIMESTAMP_UNIT: z.enum(['seconds', 'milliseconds']).default('seconds'),
  CREDENTIALS_ENCRYPTION_KEY: z.string().optional(),
  GRAPHIQL: flag.default(true),
  INTROSPECTION: flag.default(true),
  REQUEST_BODY_LIMIT_BYTES: positiveInt(1_000_000),
  GRAPHQL_MAX_DEPTH: positiveInt(15),
  GRAPHQL_MAX_ALIASES: positiveInt(15),
  GRAPHQL_MAX_TOKENS: positiveInt(5_000),
  GRAPHQL_MAX_COST: positiveInt(50_000),
  RATE_LIMIT_PER_MINUTE: positiveInt(600),
  SUBMISSION_STALE_AFTER_MS: z.coerce.number().int().positive().optional(),
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().positive().default(24),
  SHUTDOWN_TIMEOUT_MS: positiveInt(15_000),
  PREVIEW_SIGNING_KEY: z.string().min(32).optional(),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  RESPONSE_CACHE_MAX_BYTES: positiveInt(8_000_000),
});

export interface Limits {
  bodyBytes: number;
  depth: number;
  aliases: number;
  tokens: number;
  cost: number;
  requestsPerMinute: number;
}

export interface ResponseCacheSettings {
  /** How long a query result may be served again; 0 turns the cache off. */
  ttlMs: number;
  /** How much it keeps, as the JSON length of the results (least recently used go first). */
  maxBytes: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  /** Undefined: no credentials configured, so the built-in simulator stands in for the platform. */
  platform: { baseUrl: string; appId: string; appKey: string } | undefined;
  platformTimeoutMs: number;
  /** Unit of the timestamp signed into token requests (the platform's requirement is not public). */
  tokenTimestampUnit: TimestampUnit;
  /** For tenants' own platform credentials; unset means every tenant uses the global account. */
  credentialsEncryptionKey: string | undefined;
  graphiql: boolean;
  introspection: boolean;
  limits: Limits;
  /** This instance's worst-case submission time: a task it leaves SUBMITTING longer was abandoned (stored with each task). */
  submissionStaleAfterMs: number;
  /** How long an idempotency key answers for its task. */
  idempotencyKeyTtlMs: number;
  /** How long a graceful shutdown waits for in-flight requests. */
  shutdownTimeoutMs: number;
  /** Signs preview links; random per process when unset. */
  previewSigningKey: string | undefined;
  responseCache: ResponseCacheSettings;
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
    logLevel: e.LOG_LEVEL,
    platform: hasCredentials
      ? { baseUrl: e.SOFTSUGAR_BASE_URL, appId: e.SOFTSUGAR_APP_ID!, appKey: e.SOFTSUGAR_APP_KEY! }
      : undefined,
    platformTimeoutMs: e.SOFTSUGAR_TIMEOUT_MS,
    tokenTimestampUnit: e.SOFTSUGAR_TOKEN_TIMESTAMP_UNIT,
    credentialsEncryptionKey: e.CREDENTIALS_ENCRYPTION_KEY,
    graphiql: e.GRAPHIQL,
    introspection: e.INTROSPECTION,
    limits: {
      bodyBytes: e.REQUEST_BODY_LIMIT_BYTES,
      depth: e.GRAPHQL_MAX_DEPTH,
      aliases: e.GRAPHQL_MAX_ALIASES,
      tokens: e.GRAPHQL_MAX_TOKENS,
      cost: e.GRAPHQL_MAX_COST,
      requestsPerMinute: e.RATE_LIMIT_PER_MINUTE,
    },
    submissionStaleAfterMs: e.SUBMISSION_STALE_AFTER_MS ?? MAX_CALLS_PER_SUBMISSION * e.SOFTSUGAR_TIMEOUT_MS + 10_000,
    idempotencyKeyTtlMs: e.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    previewSigningKey: e.PREVIEW_SIGNING_KEY,
    responseCache: { ttlMs: e.RESPONSE_CACHE_TTL_MS, maxBytes: e.RESPONSE_CACHE_MAX_BYTES },
  };
}
