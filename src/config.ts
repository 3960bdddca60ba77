import { z } from 'zod';
import { DEFAULT_BASE_URL } from './platform/protocol.js';

// An empty value (`SANDBOX=` in an environment file) means unset.
const flag = (fallback: boolean) =>
  z.enum(['true', 'false', '1', '0', '']).default('').transform((value) => (value === '' ? fallback : value === 'true' || value === '1'));
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
  CREDENTIALS_ENCRYPTION_KEY: z.string().optional(),
  GRAPHIQL: flag(true),
  INTROSPECTION: flag(true),
  REQUEST_BODY_LIMIT_BYTES: positiveInt(1_000_000),
  GRAPHQL_MAX_DEPTH: positiveInt(15),
  GRAPHQL_MAX_ALIASES: positiveInt(15),
  GRAPHQL_MAX_TOKENS: positiveInt(5_000),
  GRAPHQL_MAX_COST: positiveInt(50_000),
  RATE_LIMIT_PER_MINUTE: positiveInt(600),
  SUBMISSION_STALE_AFTER_MS: z.coerce.number().int().positive().optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt(15_000),
  PREVIEW_SIGNING_KEY: z.string().min(32).optional(),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  RESPONSE_CACHE_MAX_BYTES: positiveInt(8_000_000),
  NODE_ENV: z.string().optional(),
  SANDBOX: flag(false),
  SANDBOX_KEY_FILE: z.string().min(1).optional(),
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
  /** For tenants' own platform credentials; unset means every tenant uses the global account. */
  credentialsEncryptionKey: string | undefined;
  graphiql: boolean;
  introspection: boolean;
  limits: Limits;
  /** A task still SUBMITTING after this long was abandoned by a stopped process. */
  submissionStaleAfterMs: number;
  /** How long a graceful shutdown waits for in-flight requests. */
  shutdownTimeoutMs: number;
  /** Signs preview links; random per process when unset. */
  previewSigningKey: string | undefined;
  responseCache: ResponseCacheSettings;
  /** Where the sandbox keeps its API key (SQLite: beside the database); undefined for an in-memory database. */
  sandboxKeyFile: string | undefined;
}

/** What the admin CLI needs: the database and the key that encrypts tenants' platform credentials. */
export type AdminConfig = Pick<Config, 'databaseUrl' | 'credentialsEncryptionKey' | 'sandboxKeyFile'>;

function parseEnv<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    // Name the variable, never echo its value: some of them are secrets.
    const names = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${names.join('; ')}`);
  }
  return parsed.data;
}

/**
 * SQLite: `<database file>.sandbox-key`, beside the database it belongs to. PostgreSQL: one file
 * per database under ./data. An in-memory database lives as long as the process, and so does its key.
 */
export function defaultSandboxKeyFile(databaseUrl: string): string | undefined {
  if (databaseUrl.startsWith('file:')) {
    const file = databaseUrl.slice('file:'.length);
    return file === ':memory:' ? undefined : `${file}.sandbox-key`;
  }
  try {
    const url = new URL(databaseUrl);
    const name = `${url.hostname}-${url.port || '5432'}-${url.pathname.slice(1) || 'postgres'}`.replace(/[^\w.-]/g, '_');
    return `data/postgresql-${name}.sandbox-key`;
  } catch {
    return undefined;
  }
}

export function loadAdminConfig(env: NodeJS.ProcessEnv = process.env): AdminConfig {
  const e = parseEnv(envSchema.pick({ DATABASE_URL: true, CREDENTIALS_ENCRYPTION_KEY: true, SANDBOX_KEY_FILE: true }), env);
  return {
    databaseUrl: e.DATABASE_URL,
    credentialsEncryptionKey: e.CREDENTIALS_ENCRYPTION_KEY,
    sandboxKeyFile: e.SANDBOX_KEY_FILE ?? defaultSandboxKeyFile(e.DATABASE_URL),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(envSchema, env);
  const hasCredentials = Boolean(e.SOFTSUGAR_APP_ID && e.SOFTSUGAR_APP_KEY);
  if (!hasCredentials && (e.SOFTSUGAR_APP_ID || e.SOFTSUGAR_APP_KEY)) {
    throw new Error('invalid configuration: set both SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY, or neither');
  }
  if (hasCredentials && e.SANDBOX) {
    throw new Error('invalid configuration: SANDBOX=1 runs the local platform simulator; unset it or the SOFTSUGAR_APP_ID/SOFTSUGAR_APP_KEY credentials');
  }
  // In production a missing credential is a mistake, not a wish for the simulator: tasks would
  // look SUBMITTED while nothing reached the platform.
  if (!hasCredentials && !e.SANDBOX && e.NODE_ENV === 'production') {
    throw new Error('NODE_ENV=production needs SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY (or SANDBOX=1 to run the local platform simulator on purpose)');
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
    // A submission makes at most four bounded calls: token, create, and once more after an auth failure.
    submissionStaleAfterMs: e.SUBMISSION_STALE_AFTER_MS ?? 4 * e.SOFTSUGAR_TIMEOUT_MS + 10_000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    previewSigningKey: e.PREVIEW_SIGNING_KEY,
    responseCache: { ttlMs: e.RESPONSE_CACHE_TTL_MS, maxBytes: e.RESPONSE_CACHE_MAX_BYTES },
    sandboxKeyFile: e.SANDBOX_KEY_FILE ?? defaultSandboxKeyFile(e.DATABASE_URL),
  };
}
