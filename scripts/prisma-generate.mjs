// Generates the Prisma clients (SQLite and PostgreSQL) and the Pothos types.
// `prisma generate` needs no schema engine, but the CLI tries to download one unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and this machine has no internet access.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { derivePostgresSchema } from './postgres-schema.mjs';
import { GENERATED_STAMP, generateInputsHash, writeStamp } from './stamps.mjs';

const postgresSchema = 'prisma/postgresql/schema.prisma';
mkdirSync(path.dirname(postgresSchema), { recursive: true });
writeFileSync(postgresSchema, derivePostgresSchema(readFileSync('prisma/schema.prisma', 'utf8')));

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PATH = [path.resolve('node_modules/.bin'), env.PATH].join(path.delimiter);
const cli = require.resolve('prisma/build/index.js');
for (const config of ['prisma.config.ts', 'prisma/postgresql/prisma.config.ts']) {
  try {
    execFileSync(process.execPath, [cli, 'generate', '--config', config], { stdio: 'pipe', env });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    process.exit(1);
  }
}
writeStamp(GENERATED_STAMP, generateInputsHash());
