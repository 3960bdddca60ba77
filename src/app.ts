// Builds the GraphQL app from its dependencies. No side effects: main.ts and the tests own the
// process, the database, the platform clients and the shared state.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createGraphQLError, createYoga, maskError } from 'graphql-yoga';
import { Registry } from 'prom-client';
import type { Limits, ResponseCacheSettings, WebhookSettings } from './config.js';
import { CredentialCipher } from './auth/credential-cipher.js';
import { WebhookSecrets } from './delivery/webhook-secret.js';
import type { Database } from './db/client.js';
import { callerOf, useAuthentication } from './http/authenticate.js';
import { useBodyLimit } from './http/body-limit.js';
import { useUnbufferedEventStreams } from './http/event-stream.js';
import type { ServerContext } from './http/client-address.js';
import { corsPolicy } from './http/cors.js';
import type { GraphiQLAssets } from './http/graphiql.js';
import { yogaLogger, type Logger } from './http/logger.js';
import { useOperationCost } from './http/operation-cost.js';
import { useOperations } from './http/operations.js';
import { boundedParserCache } from './http/parse-cache.js';
import { usePlatformCallback } from './http/platform-callback.js';
import { usePreviewEndpoint } from './http/preview-endpoint.js';
import { PreviewLinks } from './http/preview-links.js';
import { publicBaseUrl } from './http/public-origin.js';
import { useRootRoute } from './http/root-route.js';
import { usePlainParseErrors } from './http/plain-parse-errors.js';
import { useResponseCache } from './http/response-cache.js';
import { useResponseSizeLimit } from './http/response-size.js';
import { requestIdOf, unexpectedError, useRequestId } from './http/request-id.js';
import { useVariableDepthLimit } from './http/variable-depth.js';
import { instrumentPlatforms } from './platform/instrumented.js';
import type { Context } from './schema/context.js';
import { graphiqlExample } from './schema/graphiql-example.js';
import { presetDbId } from './schema/global-id.js';
import { schema } from './schema/index.js';
import { inProcessSharedState, type SharedState } from './shared-state/shared-state.js';
import type { UnwrittenOutcome } from './submission/outcome-recorder.js';
import type { PendingWrites } from './submission/pending-writes.js';
import { CallbackReceiver } from './lifecycle/callback-receiver.js';
import type { TaskLifecycle } from './lifecycle/task-lifecycle.js';
import { publishTaskChanges } from './live/publish-task-changes.js';
import { TaskFollowers } from './live/task-followers.js';
import { TakeoverSubmitter, type PlatformResolver } from './submission/submit-takeover.js';

export interface AppOptions {
  graphiql: boolean;
  introspection: boolean;
  limits: Limits;
  responseCache: ResponseCacheSettings;
  /** No platform credentials: the local simulator stands in. Opens CORS unless `corsOrigins` says otherwise. */
  sandbox?: boolean | undefined;
  /** Origins browsers may call from (`*`: any); undefined: any in the sandbox, none otherwise. */
  corsOrigins?: string[] | undefined;
  /** How many reverse proxies in front append to X-Forwarded-For (0: the socket's peer is the client). */
  trustProxyHops?: number | undefined;
  /** The base of absolute links (previews); undefined: the origin each request was sent to. */
  publicUrl?: string | undefined;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
  /** How long /ready keeps its answer. */
  readyCacheMs?: number | undefined;
  /** Signs preview links; without it they last until the process restarts. */
  previewSigningKey?: string | undefined;
  /** GraphiQL's own assets, served from this process (works offline); without them yoga links a CDN. */
  graphiqlAssets?: GraphiQLAssets | undefined;
  /** Prefilled in GraphiQL's headers editor (the sandbox's development key). */
  graphiqlApiKey?: string | undefined;
  /** This instance's worst-case submission time, stored with each task as its abandon deadline. */
  submissionStaleAfterMs: number;
  /** How long an idempotency key answers for its task. */
  idempotencyKeyTtlMs: number;
  /** Encrypts webhook endpoint secrets at rest (as tenants' platform keys); stored as they are without it. */
  credentialsEncryptionKey?: string | undefined;
  /** Which webhook endpoint URLs may be registered (private hosts only when allowed). */
  webhooks?: Pick<WebhookSettings, 'allowPrivate'> | undefined;
  /** The secret in the platform callback's path (/platform/callback/<secret>); the route answers 404 without one. */
  callbackSecret?: string | undefined;
}

export interface AppDependencies {
  database: Database;
  platforms: PlatformResolver;
  logger: Logger;
  options: AppOptions;
  /** Outcome writes that outlive their request; main.ts waits for them at shutdown. */
  pendingWrites?: PendingWrites<UnwrittenOutcome>;
  /** Rate limits (and whatever else replicas share); per process when not given. */
  sharedState?: SharedState;
  /** Every status change of a task goes through it. */
  lifecycle: TaskLifecycle;
  /** Aborted when the process starts to stop: live subscriptions end, so their connections close. */
  stopping?: AbortSignal;
}

/** The caller `useAuthentication` admitted; every request reaching the context has one. */
function callerFor(request: Request) {
  const caller = callerOf(request);
  if (!caller) throw createGraphQLError('A valid API key is required.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return caller;
}

export function createApp({ database, platforms: uninstrumented, logger, options, pendingWrites, lifecycle, stopping, sharedState = inProcessSharedState() }: AppDependencies) {
  const { db, provider } = database;
  const { limits } = options;
  const registry = new Registry();
  const platforms = instrumentPlatforms(uninstrumented, registry);
  const submitter = new TakeoverSubmitter(db, platforms, {
    presetDbId,
    abandonAfterMs: options.submissionStaleAfterMs,
    idempotencyKeyTtlMs: options.idempotencyKeyTtlMs,
    log: logger,
    clock: () => database.clock.now(),
    pendingWrites,
    lifecycle,
  });
  const previewLinks = new PreviewLinks(options.previewSigningKey);
  const webhooks = {
    secrets: new WebhookSecrets(options.credentialsEncryptionKey ? new CredentialCipher(options.credentialsEncryptionKey) : undefined),
    urlGuard: { allowPrivate: options.webhooks?.allowPrivate ?? false },
  };
  // Every committed change is announced to the replicas; subscriptions follow the announcements.
  publishTaskChanges(lifecycle, sharedState.taskChanges, logger);
  const live = new TaskFollowers(db, sharedState.taskChanges, limits.subscriptionsPerTenant, stopping);
  live.registerMetrics(registry);
  const graphiqlAssets = options.graphiql ? options.graphiqlAssets : undefined;
  const callbacks = new CallbackReceiver(db, lifecycle, logger, () => database.clock.now());
  if (options.callbackSecret) lifecycle.listen(callbacks.listener());
  return createYoga<ServerContext, Context>({
    schema,
    logging: yogaLogger(logger),
    context: ({ request }) => {
      const { tenantId, dataVersion } = callerFor(request);
      const publicUrl = publicBaseUrl(request, options.trustProxyHops ?? 0, options.publicUrl);
      return { db, provider, submitter, previewLinks, webhooks, live, lifecycle, publicUrl, ownerId: tenantId, dataVersion, requestId: requestIdOf(request) };
    },
    cors: corsPolicy(options.corsOrigins ?? (options.sandbox ? ['*'] : [])),
    parserAndValidationCache: boundedParserCache(),
    // useBodyLimit refuses a body over the limit, or of no stated length, before it is read; over
    // HTTP, Node's parser reads no more than the stated length. Yoga's own limit would pipe every
    // body through a counting stream besides (a tenth of a small request's CPU).
    maxRequestBodySize: false,
    maskedErrors: {
      // Expected failures are GraphQL errors and pass unchanged; anything else is logged with the
      // request id and reaches the client as "Unexpected error." with that id.
      maskError(error, message, isDev) {
        const masked = maskError(error, message, isDev);
        return masked === error ? masked : unexpectedError(error, message);
      },
    },
    graphiql: options.graphiql && {
      title: 'Takeover video API',
      defaultQuery: graphiqlExample,
      // Subscriptions too (GraphiQL's default for them is GET, which CSRF prevention refuses without its header).
      method: 'POST',
      ...(options.graphiqlApiKey && { headers: JSON.stringify({ Authorization: `Bearer ${options.graphiqlApiKey}` }) }),
    },
    ...(graphiqlAssets && { renderGraphiQL: graphiqlAssets.render }),
    landingPage: false,
    plugins: [
      useRequestId(logger),
      useUnbufferedEventStreams(),
      useRootRoute({ graphqlEndpoint: '/graphql', graphiql: options.graphiql, trustProxyHops: options.trustProxyHops ?? 0, publicUrl: options.publicUrl }),
      // Routes that need no API key answer here, before authentication.
      ...useOperations({ database, platforms, sharedState, registry, readyCacheMs: options.readyCacheMs ?? 5_000, metricsToken: options.metricsToken }),
      usePreviewEndpoint(db, previewLinks),
      // The platform's callback carries a secret in its path instead of an API key.
      usePlatformCallback(options.callbackSecret, callbacks, logger),
      ...(graphiqlAssets ? [graphiqlAssets.plugin()] : []),
      useBodyLimit(limits.bodyBytes),
      useAuthentication({
        database,
        perKey: sharedState.rateLimiter('api-key', limits.requestsPerMinute),
        perAddress: sharedState.rateLimiter('address', limits.unauthenticatedPerMinute),
        trustProxyHops: options.trustProxyHops ?? 0,
        logger,
      }),
      useVariableDepthLimit(),
      usePlainParseErrors(),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      ...(options.introspection ? [] : [useDisableIntrospection()]),
      EnvelopArmorPlugin({
        maxDepth: { n: limits.depth },
        // __typename counts like any other alias (armor leaves it out by default).
        maxAliases: { n: limits.aliases, allowList: [] },
        maxTokens: { n: limits.tokens },
        costLimit: { enabled: false },
        maxDirectives: { n: 50 },
        blockFieldSuggestion: { enabled: !options.introspection },
      }),
      useOperationCost(limits.cost),
      useResponseSizeLimit(limits.responseBytes),
      ...useResponseCache(options.responseCache),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
