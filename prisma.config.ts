import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI only (`prisma generate`, and `prisma migrate deploy` where the native
// schema engine exists). The service migrates itself at start-up through src/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/takeover.db' },
});
