// `npm start` on an unchanged checkout goes straight to the service; a changed lock file, Prisma
// schema or source redoes the steps that depend on it, and a production install (no dev
// dependencies) is left alone while its build is current. scripts/prepare.mjs decides, here with
// --dry-run on a copy of the repository's inputs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
const inputs = ['package.json', 'package-lock.json', 'prisma.config.ts', 'tsconfig.json', 'tsconfig.build.json', 'prisma', 'scripts', 'src'];

const plan = (...args: string[]) => execFileSync(process.execPath, ['scripts/prepare.mjs', ...args, '--dry-run'], { cwd: dir, encoding: 'utf8' }).trim();
const markBuilt = () =>
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `
      import { mkdirSync } from 'node:fs';
      import * as s from './scripts/stamps.mjs';
      mkdirSync('src/generated', { recursive: true });
      mkdirSync('dist', { recursive: true });
      s.writeStamp(s.GENERATED_STAMP, s.generateInputsHash());
      s.writeStamp(s.BUILD_STAMP, s.buildInputsHash());`],
    { cwd: dir },
  );
const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'prepare-'));
  for (const input of inputs) cpSync(input, path.join(dir, input), { recursive: true, filter: (source) => !source.startsWith('src/generated') });
  // npm's record of what is installed, as `npm ci` leaves it; the packages themselves are not needed to decide.
  mkdirSync(path.join(dir, 'node_modules'));
  cpSync('node_modules/.package-lock.json', path.join(dir, 'node_modules/.package-lock.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start decides what to redo from its inputs', () => {
  it('generates and compiles a checkout that was never built, then does nothing while nothing changes', () => {
    expect(plan()).toBe('generate compile');
    markBuilt();
    expect(plan()).toBe('nothing to do');
    expect(plan('--build')).toBe('compile');
  });

  it('compiles again when a source or tsconfig changes, not when something else does', () => {
    writeFileSync(path.join(dir, 'notes.md'), 'not an input');
    mkdirSync(path.join(dir, 'test'));
    writeFileSync(path.join(dir, 'test/new.test.ts'), '// tests are not part of the build');
    expect(plan()).toBe('nothing to do');
    edit('src/main.ts', (text) => `${text}\n// changed\n`);
    expect(plan()).toBe('compile');
    expect(plan('--setup')).toBe('nothing to do');
    markBuilt();
    edit('tsconfig.build.json', (text) => text.replace('"sourceMap": true', '"sourceMap": false'));
    expect(plan()).toBe('compile');
    markBuilt();
  });

  it('generates the Prisma clients again when the schema changes', () => {
    edit('prisma/schema.prisma', (text) => `${text}\n// changed\n`);
    expect(plan()).toBe('generate compile');
    expect(plan('--setup')).toBe('generate');
    markBuilt();
  });

  it('installs when the lock file or package.json asks for something that is not installed', () => {
    edit('package-lock.json', (text) => text.replace(/("node_modules\/zod": \{\s*"version": ")[^"]+/, '$1999.0.0'));
    expect(plan()).toBe('install generate compile');
    edit('package-lock.json', (text) => text.replace(/("node_modules\/zod": \{\s*"version": ")999.0.0/, `$1${JSON.parse(readFileSync('node_modules/zod/package.json', 'utf8')).version}`));
    markBuilt();
    expect(plan()).toBe('nothing to do');
    edit('package.json', (text) => text.replace('"dependencies": {', '"dependencies": {\n    "left-pad": "^1.3.0",'));
    expect(plan()).toBe('install generate compile');
    cpSync('package.json', path.join(dir, 'package.json'));
    markBuilt();
  });

  it('leaves a production install alone while its build is current, and installs before rebuilding it', () => {
    const tree = JSON.parse(readFileSync(path.join(dir, 'node_modules/.package-lock.json'), 'utf8'));
    for (const [name, entry] of Object.entries<{ dev?: boolean; devOptional?: boolean }>(tree.packages)) {
      if (entry.dev || entry.devOptional) delete tree.packages[name];
    }
    writeFileSync(path.join(dir, 'node_modules/.package-lock.json'), JSON.stringify(tree));
    expect(plan()).toBe('nothing to do');
    edit('src/main.ts', (text) => `${text}\n// changed again\n`);
    expect(plan()).toBe('install generate compile');
  });
});
