// The one place that uses Prisma's internal WASM schema engine
// (@prisma/schema-engine-wasm, pinned exactly in package.json). The native engine cannot be
// downloaded on our machines; the WASM build runs migrations through the same driver adapter the
// app uses and records them in the standard `_prisma_migrations` table, so `prisma migrate deploy`
// stays valid wherever the native engine exists. Tested by test/schema-engine.test.ts.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

const noFilter = { externalTables: [], externalEnums: [] };
let wasmReady: Promise<void> | undefined;

// The package's entry point imports its .wasm as an ES module, which Node cannot do;
// instantiate it here and hand the exports to the generated bindings instead.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

/**
 * adapter-pg runs a migration script by splitting it at every `;`, which cuts a PL/pgSQL function
 * body (between `$$` quotes) apart. Split only outside `$$` quotes and run each statement whole.
 */
function withDollarQuoteAwareScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeScript = async (script: string) => {
    let statement = '';
    for (const piece of script.split(';')) {
      statement = statement ? `${statement};${piece}` : piece;
      if ((statement.match(/\$\$/g) ?? []).length % 2 === 1) continue;
      if (statement.replace(/--.*$/gm, '').trim()) await adapter.executeRaw({ sql: statement, args: [], argTypes: [] });
      statement = '';
    }
  };
  return new Proxy(adapter, {
    get: (target, property) => {
      if (property === 'executeScript') return executeScript;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: string | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const datamodels: [string, string][] | undefined = schema ? [['schema.prisma', schema]] : undefined;
  // The engine does not close the connections it opens; an open SQLite handle would keep the
  // file locked for the app's own connection, so track and dispose them here.
  const opened: SqlDriverAdapter[] = [];
  const track = async (connection: Promise<SqlDriverAdapter>) => {
    opened.push(await connection);
    const adapter = opened[opened.length - 1]!;
    return adapter.provider === 'postgres' ? withDollarQuoteAwareScripts(adapter) : adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: () => track(adapterFactory.connect()),
    connectToShadowDb: () => track(adapterFactory.connectToShadowDb()),
  };
  const engine = await bindings.SchemaEngine.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(tracked));
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockPath = 'migration_lock.toml';
  const lockContent = await readFile(path.join(migrationsDir, lockPath), 'utf8').catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const migrationDirectories = await Promise.all(
    directories.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8')
          .then((value) => ({ tag: 'ok' as const, value }))
          .catch((error: Error) => ({ tag: 'error' as const, value: error.message })),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every migration in `migrationsDir` not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  return withEngine(adapterFactory, undefined, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database from the committed migrations to `schema` (empty when none).
 * `adapterFactory` must point at a scratch database: the migrations are applied to it first and
 * the diff is taken from it. (Diffing from the migrations folder needs a shadow database, which the
 * SQLite adapter cannot serve: the engine sends whole scripts through `executeRaw`.)
 */
export async function diffMigrationsToSchema(
  scratchAdapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
  schema: string,
): Promise<string> {
  await applyMigrations(scratchAdapterFactory, migrationsDir);
  return withEngine(scratchAdapterFactory, schema, async (engine) => {
    const files = [{ path: 'schema.prisma', content: schema }];
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  });
}

/**
 * The SQL that takes a database from the schema `fromSchema` (or an empty one) to `toSchema`,
 * without a database. Used for PostgreSQL, where the engine cannot describe a live database
 * through the adapter ("Column type 'char' could not be deserialized").
 */
export async function diffSchemas(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fromSchema: string | undefined,
  toSchema: string,
): Promise<string> {
  return withEngine(adapterFactory, toSchema, async (engine) => {
    const datamodel = (content: string) => ({ tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] });
    const result = await engine.diff({
      from: fromSchema === undefined ? { tag: 'empty' } : datamodel(fromSchema),
      to: datamodel(toSchema),
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  });
}
