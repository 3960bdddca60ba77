import { z } from 'zod';
import { MAX_CALLS_PER_SUBMISSION } from './platform/client.js';
import { DEFAULT_BASE_URL, type TimestampUnit } from './platform/protocol.js';

// An empty value (`SANDBOX=` in an environment file) means unset.
const flag = (fallback: boolean) =>
  z.enum(['true', 'false', '1', '0', '']).default('').transform((value) => (value === '' ? fallback : value === 'true' || value === '1'));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const isOrigin = (text: string) => {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
};

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
  GRAPHIQL: flag(true),
  INTROSPECTION: flag(true),
  REQUEST_BODY_LIMIT_BYTES: positiveInt(1_000_000),
  GRAPHQL_MAX_DEPTH: positiveInt(15),
  GRAPHQL_MAX_ALIASES: positiveInt(15),
  GRAPHQL_MAX_TOKENS: positiveInt(5_000),
  GRAPHQL_MAX_COST: positiveInt(10_000),
  RATE_LIMIT_PER_MINUTE: positiveInt(600),
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: positiveInt(60),
  GRAPHQL_MAX_RESPONSE_BYTES: positiveInt(1_000_000),
  LIVE_SUBSCRIPTIONS_PER_TENANT: positiveInt(20),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'an absolute http(s) URL without query, e.g. https://video.example.com')
    .optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((list) => list?.split(',').map((origin) => origin.trim()).filter(Boolean))
    .refine((list) => !list || list.every((origin) => origin === '*' || isOrigin(origin)), 'a comma-separated list of origins (scheme://host[:port]) or *'),
  METRICS_TOKEN: z.string().min(16).optional(),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt(10_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(30_000),
  READY_CACHE_MS: z.coerce.number().int().min(0).default(5_000),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL').optional(),
  REDIS_KEY_PREFIX: z.string().default('takeover:'),
  SUBMISSION_STALE_AFTER_MS: z.coerce.number().int().positive().optional(),
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().positive().default(24),
  SHUTDOWN_TIMEOUT_MS: positiveInt(15_000),
  PREVIEW_SIGNING_KEY: z.string().min(32).optional(),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  RESPONSE_CACHE_MAX_BYTES: positiveInt(8_000_000),
  NODE_ENV: z.string().optional(),
  SANDBOX: flag(false),
  SANDBOX_KEY_FILE: z.string().min(1).optional(),
  WEBHOOK_ALLOW_PRIVATE: flag(false),
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
  WEBHOOK_POLL_INTERVAL_MS: positiveInt(1_000),
  WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(30),
  PLATFORM_CALLBACK_SECRET: z.string().min(16, 'at least 16 characters').regex(/^[\w.~-]+$/, 'letters, digits, "-", "_", "." and "~" only (it is part of a URL path)').optional(),
  SOFTSUGAR_TASK_QUERY_PATH: z.string().regex(/^\/\S*$/, 'a path starting with /').optional(),
  POLL_INTERVAL_MS: positiveInt(2_000),
  POLL_FIRST_DELAY_MS: positiveInt(5_000),
  POLL_MAX_DELAY_MS: positiveInt(300_000),
  POLL_CONCURRENCY_PER_ACCOUNT: positiveInt(4),
  POLL_CLAIM_MS: positiveInt(60_000),
  SIMULATOR_RENDER_MS: positiveInt(3_000),
});

/** Every variable the service reads (README's environment table lists each). */
export const ENVIRONMENT_VARIABLES = Object.keys(envSchema.shape);

/** The default of a plain numeric or text setting, for the documentation's test. */
export function documentedDefault(name: string): string | undefined {
  const field = envSchema.shape[name as keyof typeof envSchema.shape] as z.ZodType;
  return field instanceof z.ZodDefault ? String(field.def.defaultValue) : undefined;
}

export interface PollingSettings {
  /** How often an instance looks for tasks due to be asked about. */
  intervalMs: number;
  /** How long after the platform accepts a task it is first asked about. */
  firstDelayMs: number;
  /** The longest pause between two queries about one task (the backoff's cap). */
  maxDelayMs: number;
  /** Queries in flight at once per platform account. */
  concurrencyPerAccount: number;
  /** How long a claimed poll belongs to the instance that claimed it (then another may take it). */
  claimMs: number;
}

export interface Limits {
  bodyBytes: number;
  depth: number;
  aliases: number;
  tokens: number;
  cost: number;
  /** Per API key. */
  requestsPerMinute: number;
  /** Per client address, for requests without a valid API key. */
  unauthenticatedPerMinute: number;
  /** The largest serialised GraphQL result sent; larger ones are answered with an error. */
  responseBytes: number;
  /** Live subscriptions one tenant may hold open at once, per instance. */
  subscriptionsPerTenant: number;
}

export interface HttpSettings {
  /** Time allowed to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time allowed to receive a whole request, body included. */
  requestTimeoutMs: number;
}

export interface ResponseCacheSettings {
  /** How long a query result may be served again; 0 turns the cache off. */
  ttlMs: number;
  /** How much it keeps, as the JSON length of the results (least recently used go first). */
  maxBytes: number;
}

export interface WebhookSettings {
  /** Endpoints may be private, loopback or link-local hosts (development and tests only). */
  allowPrivate: boolean;
  /** How long one delivery attempt may take, connection to answer. */
  timeoutMs: number;
  /** How often each instance looks for due deliveries (new ones are sent at once by the instance that wrote them). */
  pollIntervalMs: number;
  /** Delivered and failed deliveries, with their attempts, are deleted this long after their event. */
  retentionMs: number;
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
  http: HttpSettings;
  /** How many reverse proxies in front of the service append to X-Forwarded-For; 0 ignores it. */
  trustProxyHops: number;
  /** The base URL browsers (absolute links) and the platform (callbacks) reach this service at; undefined: each request's origin, and the listen address for callbacks. */
  publicUrl: string | undefined;
  /** Origins browsers may call from; undefined: open in the sandbox, closed otherwise. */
  corsOrigins: string[] | undefined;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** How long /ready keeps its answer. */
  readyCacheMs: number;
  /** Shares rate limits between replicas; unset keeps them per process. */
  redis: { url: string; keyPrefix: string } | undefined;
  /** Where the sandbox keeps its API key (SQLite: beside the database); undefined for an in-memory database. */
  sandboxKeyFile: string | undefined;
  webhooks: WebhookSettings;
  /** The secret in the platform callback's URL (/platform/callback/<secret>); unset: the route is off (the sandbox makes one up). */
  callbackSecret: string | undefined;
  /** The platform's status-query path (not public); unset: no status queries to the real platform. */
  taskQueryPath: string | undefined;
  polling: PollingSettings;
  /** How long the sandbox simulator takes to render a task. */
  simulatorRenderMs: number;
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
      unauthenticatedPerMinute: e.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
      responseBytes: e.GRAPHQL_MAX_RESPONSE_BYTES,
      subscriptionsPerTenant: e.LIVE_SUBSCRIPTIONS_PER_TENANT,
    },
    submissionStaleAfterMs: e.SUBMISSION_STALE_AFTER_MS ?? MAX_CALLS_PER_SUBMISSION * e.SOFTSUGAR_TIMEOUT_MS + 10_000,
    idempotencyKeyTtlMs: e.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    previewSigningKey: e.PREVIEW_SIGNING_KEY,
    responseCache: { ttlMs: e.RESPONSE_CACHE_TTL_MS, maxBytes: e.RESPONSE_CACHE_MAX_BYTES },
    // Node wants the headers within the time allowed for the whole request.
    http: { headersTimeoutMs: Math.min(e.HTTP_HEADERS_TIMEOUT_MS, e.HTTP_REQUEST_TIMEOUT_MS), requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    corsOrigins: e.CORS_ORIGINS,
    metricsToken: e.METRICS_TOKEN,
    readyCacheMs: e.READY_CACHE_MS,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    sandboxKeyFile: e.SANDBOX_KEY_FILE ?? defaultSandboxKeyFile(e.DATABASE_URL),
    webhooks: {
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS,
      retentionMs: e.WEBHOOK_RETENTION_DAYS * 86_400_000,
    },
    callbackSecret: e.PLATFORM_CALLBACK_SECRET,
    taskQueryPath: e.SOFTSUGAR_TASK_QUERY_PATH,
    polling: {
      intervalMs: e.POLL_INTERVAL_MS,
      firstDelayMs: e.POLL_FIRST_DELAY_MS,
      maxDelayMs: e.POLL_MAX_DELAY_MS,
      concurrencyPerAccount: e.POLL_CONCURRENCY_PER_ACCOUNT,
      claimMs: e.POLL_CLAIM_MS,
    },
    simulatorRenderMs: e.SIMULATOR_RENDER_MS,
  };
}
