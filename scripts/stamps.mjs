// What the generated Prisma clients and the compiled service are made from, as hashes: a step is
// redone only when one of its inputs changed (scripts/prepare.mjs). Node built-ins only: this runs
// before anything is installed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const GENERATE_INPUTS = [
  'package-lock.json',
  'prisma/schema.prisma',
  'prisma.config.ts',
  'prisma/postgresql/prisma.config.ts',
  'scripts/prisma-generate.mjs',
  'scripts/postgres-schema.mjs',
];
// src/generated is made by the generate step, whose inputs stand for it here.
const BUILD_INPUTS = ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src'];
const SKIPPED = new Set(['src/generated']);

export const GENERATED_STAMP = 'src/generated/.inputs-hash';
export const BUILD_STAMP = 'dist/.inputs-hash';

function files(entry) {
  if (SKIPPED.has(entry) || !existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => files(path.posix.join(entry, name)));
}

function hashOf(entries, ...more) {
  const hash = createHash('sha256');
  for (const file of entries.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  for (const value of more) hash.update(value);
  return hash.digest('hex');
}

export const generateInputsHash = () => hashOf(GENERATE_INPUTS);
export const buildInputsHash = () => hashOf(BUILD_INPUTS, generateInputsHash());

export const stampMatches = (file, hash) => existsSync(file) && readFileSync(file, 'utf8').trim() === hash;
export const writeStamp = (file, hash) => writeFileSync(file, `${hash}\n`);
