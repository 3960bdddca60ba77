// Endpoints for operators: /health (the process answers; built into yoga), /ready (database
// reachable and migrated, platform answering; where shared state lives) and /metrics (Prometheus,
// behind a bearer token when one is configured).
import { timingSafeEqual } from 'node:crypto';
import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { pendingMigrations, type Database } from '../db/client.js';
import type { SharedState } from '../shared-state/shared-state.js';
import type { PlatformResolver } from '../submission/submit-takeover.js';

async function readinessProblem(database: Database, platforms: PlatformResolver): Promise<string | undefined> {
  try {
    await database.db.$queryRawUnsafe('SELECT 1');
  } catch {
    return 'database unreachable';
  }
  const pending = await pendingMigrations(database);
  if (pending.length) return `migrations not applied: ${pending.join(', ')}`;
  if (!(await platforms.reachable())) return 'platform unreachable';
  return undefined;
}

/** The last answer for `ttlMs`, and one check at a time however many ask at once. */
function remembered<T>(ttlMs: number, check: () => Promise<T>): () => Promise<T> {
  let last: { value: Promise<T>; at: number } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ttlMs) {
      last = { value: check(), at: now };
      // A failed check is not kept.
      last.value.catch(() => (last = undefined));
    }
    return last.value;
  };
}

const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export interface OperationsOptions {
  database: Database;
  platforms: PlatformResolver;
  sharedState: SharedState;
  registry: Registry;
  /** How long /ready keeps its answer: a flood of readiness probes costs one check per period. */
  readyCacheMs: number;
  metricsToken: string | undefined;
}

/** /metrics only with `Authorization: Bearer <token>`, when a token is configured. */
function useMetricsToken(token: string | undefined): Plugin {
  const expected = token && Buffer.from(`Bearer ${token}`);
  return {
    onRequest({ request, url, endResponse }) {
      if (!expected || url.pathname !== '/metrics') return;
      const given = Buffer.from(request.headers.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        endResponse(new Response('A metrics token is required: send "Authorization: Bearer <METRICS_TOKEN>".', { status: 401, headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' } }));
      }
    },
  };
}

/**
 * Operation names become metric labels: a caller sending many distinct (or huge) names would
 * otherwise grow the metrics without bound. The first MAX_NAMES names that look like names are
 * kept; the rest are counted as "(other)".
 */
function boundedOperationNames(max = 100) {
  const seen = new Set<string>();
  return (name: string | undefined): string => {
    if (!name) return 'Anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= max || !/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return '(other)';
    seen.add(name);
    return name;
  };
}

export function useOperations({ database, platforms, sharedState, registry, readyCacheMs, metricsToken }: OperationsOptions): Plugin[] {
  const problem = remembered(readyCacheMs, () => readinessProblem(database, platforms));
  const operationName = boundedOperationNames();
  sharedState.registerMetrics(registry);
  return [
    useMetricsToken(metricsToken),
    useReadinessCheck({
      endpoint: '/ready',
      async check() {
        const found = await problem();
        // Redis being away does not make the service unready: limits fall back to per process.
        return json({ ready: !found, ...(found && { problem: found }), sharedState: sharedState.status() }, found ? 503 : 200);
      },
    }),
    usePrometheus({
      endpoint: '/metrics',
      registry,
      // The plugin turns on every metric it has unless told otherwise; the per-phase ones and the
      // deprecated-field counter (a walk over every document) cost about a quarter of a cached request's
      // CPU. The HTTP duration histogram carries the operation's name and type. No label takes
      // its value from the request unbounded (no URL, no error path; operation names bounded).
      metrics: {
        graphql_yoga_http_duration: createHistogram({
          registry,
          histogram: { name: 'graphql_yoga_http_duration', help: 'Time spent on HTTP connection', labelNames: ['operationName', 'operationType', 'method', 'statusCode'] },
          fillLabelsFn: (params, { request, response }: { request: Request; response: Response }) => ({
            operationName: operationName(params.operationName),
            operationType: params.operationType ?? 'unknown',
            method: request.method,
            statusCode: response.status,
          }),
          phases: ['request'],
        }),
        graphql_envelop_request: createCounter({
          registry,
          counter: { name: 'graphql_envelop_request', help: 'Counts the amount of GraphQL requests executed through Envelop', labelNames: ['operationName', 'operationType'] },
          fillLabelsFn: (params) => ({ operationName: operationName(params.operationName), operationType: params.operationType ?? 'unknown' }),
        }),
        graphql_envelop_error_result: createCounter({
          registry,
          counter: { name: 'graphql_envelop_error_result', help: 'Counts the amount of errors reported from all phases', labelNames: ['operationName', 'operationType', 'phase'] },
          fillLabelsFn: (params) => ({ operationName: operationName(params.operationName), operationType: params.operationType ?? 'unknown', phase: params.errorPhase ?? 'unknown' }),
        }),
        graphql_envelop_request_duration: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
      },
    }),
  ];
}
