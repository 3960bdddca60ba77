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

export default defineConfig({
  // graphql 16 ships CJS and ESM builds; Pothos and yoga load the CJS one through Node, so the
  // tests must too, or graphql rejects schema objects "from another module or realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The whole suite runs on SQLite, and again on PostgreSQL when TEST_POSTGRES_URL names a
    // server (CI sets it): each test file gets its own scratch database there.
    projects: [
      { extends: true as const, test: { name: 'sqlite', env: { TEST_POSTGRES_URL: '' } } },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: 'postgresql', env: { TEST_POSTGRES_URL: postgresUrl }, exclude: DATABASE_INDEPENDENT } }]
        : []),
    ],
  },
});
