// Builds the GraphQL app from its dependencies. No side effects: main.ts and the tests own the
// process, the database and the platform clients.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createGraphQLError, createYoga, maskError, type GraphiQLOptions } from 'graphql-yoga';
import { Registry } from 'prom-client';
import type { Limits, ResponseCacheSettings } from './config.js';
import type { Database } from './db/client.js';
import { authenticate } from './http/authenticate.js';
import { useBodyLimit } from './http/body-limit.js';
import { yogaLogger, type Logger } from './http/logger.js';
import { useOperations } from './http/operations.js';
import { usePreviewEndpoint } from './http/preview-endpoint.js';
import { PreviewLinks } from './http/preview-links.js';
import { RateLimiter } from './http/rate-limit.js';
import { useResponseCache } from './http/response-cache.js';
import { currentRequestId, useRequestId } from './http/request-id.js';
import { useVariableDepthLimit } from './http/variable-depth.js';
import { instrumentPlatforms } from './platform/instrumented.js';
import type { Context } from './schema/context.js';
import { graphiqlExample } from './schema/graphiql-example.js';
import { presetDbId } from './schema/global-id.js';
import { schema } from './schema/index.js';
import type { UnwrittenOutcome } from './submission/outcome-recorder.js';
import type { PendingWrites } from './submission/pending-writes.js';
import type { TaskLifecycle } from './lifecycle/task-lifecycle.js';
import { TakeoverSubmitter, type PlatformResolver } from './submission/submit-takeover.js';

export interface AppOptions {
  graphiql: boolean;
  introspection: boolean;
  limits: Limits;
  responseCache: ResponseCacheSettings;
  /** Signs preview links; without it they last until the process restarts. */
  previewSigningKey?: string | undefined;
  /** Serves GraphiQL's assets from the package instead of a CDN (works offline). */
  renderGraphiQL?: ((options: GraphiQLOptions) => string) | undefined;
  /** Prefilled in GraphiQL's headers editor (the sandbox's development key). */
  graphiqlApiKey?: string | undefined;
  /** This instance's worst-case submission time, stored with each task as its abandon deadline. */
  submissionStaleAfterMs: number;
  /** How long an idempotency key answers for its task. */
  idempotencyKeyTtlMs: number;
}

export interface AppDependencies {
  database: Database;
  platforms: PlatformResolver;
  logger: Logger;
  options: AppOptions;
  /** Outcome writes that outlive their request; main.ts waits for them at shutdown. */
  pendingWrites?: PendingWrites<UnwrittenOutcome>;
  /** Every status change of a task goes through it. */
  lifecycle: TaskLifecycle;
}

export function createApp({ database, platforms: uninstrumented, logger, options, pendingWrites, lifecycle }: AppDependencies) {
  const { db, provider } = database;
  const registry = new Registry();
  const platforms = instrumentPlatforms(uninstrumented, registry);
  const submitter = new TakeoverSubmitter(db, platforms, {
    presetDbId,
    abandonAfterMs: options.submissionStaleAfterMs,
    idempotencyKeyTtlMs: options.idempotencyKeyTtlMs,
    log: logger,
    logContext: () => ({ requestId: currentRequestId() }),
    clock: () => database.clock.now(),
    pendingWrites,
    lifecycle,
  });
  const limiter = new RateLimiter(options.limits.requestsPerMinute);
  const previewLinks = new PreviewLinks(options.previewSigningKey);
  return createYoga<Record<string, never>, Context>({
    schema,
    logging: yogaLogger(logger),
    context: async ({ request }) => {
      const { tenantId, dataVersion } = await authenticate(database, limiter, request);
      return { db, provider, submitter, previewLinks, ownerId: tenantId, dataVersion };
    },
    maskedErrors: {
      // Expected failures are GraphQL errors and pass unchanged; anything else is logged with the
      // request id and reaches the client as "Unexpected error." with that id.
      maskError(error, message, isDev) {
        const masked = maskError(error, message, isDev);
        if (masked === error) return masked;
        const requestId = currentRequestId();
        logger.error({ err: error, requestId }, 'unexpected error');
        return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
      },
    },
    graphiql: options.graphiql && {
      title: 'Takeover video API',
      defaultQuery: graphiqlExample,
      ...(options.graphiqlApiKey && { headers: JSON.stringify({ Authorization: `Bearer ${options.graphiqlApiKey}` }) }),
    },
    ...(options.renderGraphiQL && { renderGraphiQL: options.renderGraphiQL }),
    landingPage: false,
    plugins: [
      useRequestId(),
      useVariableDepthLimit(),
      ...useOperations(database, platforms, registry),
      usePreviewEndpoint(db, previewLinks),
      useBodyLimit(options.limits.bodyBytes),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      ...(options.introspection ? [] : [useDisableIntrospection()]),
      EnvelopArmorPlugin({
        maxDepth: { n: options.limits.depth },
        maxAliases: { n: options.limits.aliases },
        maxTokens: { n: options.limits.tokens },
        costLimit: { maxCost: options.limits.cost },
        maxDirectives: { n: 50 },
        blockFieldSuggestion: { enabled: !options.introspection },
      }),
      ...useResponseCache(options.responseCache),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
