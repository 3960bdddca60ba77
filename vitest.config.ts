import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const postgresUrl = process.env.TEST_POSTGRES_URL;

// Files that never open the database under test (pure functions, generated-file checks, the
// sandbox service on its own SQLite file): run once, in the SQLite project.
const DATABASE_INDEPENDENT = [
  'client-subscribe',
  'codegen',
  'config-sources',
  'config',
  'graphiql-browser',
  'live-shutdown',
  'prepare',
  'readme-environment',
  'schema-docs',
  'schema-file',
  'task-state-machine',
].map((name) => `test/${name}.test.ts`);

const ALL = ['test/**/*.test.ts'];
// Files that measure the service's memory: run last and alone (see projects below).
const MEASURED_ALONE = ['test/service-under-attack.test.ts'];

export default defineConfig({
  // graphql 16 ships CJS and ESM builds; Pothos and yoga load the CJS one through Node, so the
  // tests must too, or graphql rejects schema objects "from another module or realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The whole suite runs on SQLite, and again on PostgreSQL when TEST_POSTGRES_URL names a
    // server (CI sets it): each test file gets its own scratch database there.
    // The peak-RSS measurement of the service under attack runs after everything else, one file at
    // a time: another test file loading the machine beside it is not part of the attack it measures.
    projects: [
      { extends: true as const, test: { name: 'sqlite', include: ALL, env: { TEST_POSTGRES_URL: '' }, exclude: MEASURED_ALONE } },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: 'postgresql', include: ALL, env: { TEST_POSTGRES_URL: postgresUrl }, exclude: [...DATABASE_INDEPENDENT, ...MEASURED_ALONE] } }]
        : []),
      ...[
        { name: 'sqlite, alone', env: { TEST_POSTGRES_URL: '' } },
        ...(postgresUrl ? [{ name: 'postgresql, alone', env: { TEST_POSTGRES_URL: postgresUrl } }] : []),
      ].map((project) => ({ extends: true as const, test: { ...project, include: MEASURED_ALONE, sequence: { groupOrder: 1 }, maxWorkers: 1 } })),
    ],
  },
});
