// Endpoints for operators: /health (the process answers; built into yoga), /ready (database
// reachable and migrated, platform answering) and /metrics (Prometheus).
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { pendingMigrations, type Database } from '../db/client.js';
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

export function useOperations(database: Database, platforms: PlatformResolver, registry: Registry): Plugin[] {
  return [
    useReadinessCheck({
      endpoint: '/ready',
      async check() {
        const problem = await readinessProblem(database, platforms);
        return problem ? new Response(JSON.stringify({ ready: false, problem }), { status: 503, headers: { 'content-type': 'application/json' } }) : true;
      },
    }),
    usePrometheus({
      endpoint: '/metrics',
      registry,
      labels: { method: true, statusCode: true },
      // The plugin turns on every metric it has unless told otherwise; the per-phase ones and the
      // deprecated-field counter (a walk over every document) cost about a quarter of a cached request's
      // CPU. The HTTP duration histogram carries the operation's name and type.
      metrics: {
        graphql_yoga_http_duration: true,
        graphql_envelop_request: true,
        graphql_envelop_error_result: true,
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
