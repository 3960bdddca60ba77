import { defineConfig } from 'prisma/config';

// The PostgreSQL variant, for the Prisma CLI: `prisma migrate deploy --config prisma/postgresql/prisma.config.ts`
// where the native schema engine exists. The service migrates itself at start-up (src/db/schema-engine.ts).
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
});
