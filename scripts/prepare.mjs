// Before `npm start`, `npm run keys` and the other commands that run the compiled service: install,
// generate the Prisma clients and compile, each only when something it depends on changed
// (package.json and the lock file; the Prisma schema; the sources and tsconfig). A second start
// goes straight to the service, and a production install (no dev dependencies) is left alone while
// its build is current. Node built-ins only: this runs before anything is installed.
//   node scripts/prepare.mjs            what running dist/ needs (npm start, keys, simulator, bench)
//   node scripts/prepare.mjs --setup    install and generate only (npm test, npm run setup)
//   node scripts/prepare.mjs --build    always compile (npm run build)
//   add --dry-run to print what would be done
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, buildInputsHash, GENERATED_STAMP, generateInputsHash, stampMatches, writeStamp } from './stamps.mjs';

process.chdir(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const mode = ['--setup', '--build'].find((flag) => process.argv.includes(flag)) ?? '--run';
const say = (message) => process.stderr.write(`prepare: ${message}\n`);
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/**
 * Whether node_modules holds what the lock file names: every package (`dev`: the dev dependencies
 * too) at its locked version, as npm's own record of the tree (node_modules/.package-lock.json)
 * says. Packages only optional (other platforms' binaries) may be absent.
 */
function installed({ dev }) {
  const lock = readJson('package-lock.json');
  const tree = readJson('node_modules/.package-lock.json');
  const manifest = readJson('package.json');
  if (!lock || !tree) return false;
  const root = lock.packages[''];
  const same = (a, b) => JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());
  if (!same(root.dependencies, manifest.dependencies) || !same(root.devDependencies, manifest.devDependencies)) return false;
  return Object.entries(lock.packages).every(([name, entry]) => {
    // Workspace folders (client/) and the links to them are this checkout's own files, not installs.
    if (!name.startsWith('node_modules/') || entry.link || entry.optional || (!dev && (entry.dev || entry.devOptional))) return true;
    return tree.packages[name]?.version === entry.version;
  });
}

/** What is out of date, in order: 'install', 'generate', 'compile'. */
function plan(mode) {
  const buildHash = buildInputsHash();
  if (mode === '--run' && stampMatches(BUILD_STAMP, buildHash) && installed({ dev: false })) return [];
  // A new install may bring another Prisma or TypeScript: what follows is redone too.
  const install = !installed({ dev: true });
  return [
    ...(install ? ['install'] : []),
    ...(install || !stampMatches(GENERATED_STAMP, generateInputsHash()) ? ['generate'] : []),
    ...(mode === '--build' || (mode === '--run' && (install || !stampMatches(BUILD_STAMP, buildHash))) ? ['compile'] : []),
  ];
}

const steps = plan(mode);
if (process.argv.includes('--dry-run')) {
  console.log(steps.join(' ') || 'nothing to do');
  process.exit(0);
}
if (steps.includes('install')) {
  say('installing dependencies (package.json or package-lock.json changed, or dev dependencies missing)');
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
}
if (steps.includes('generate')) {
  say('generating the Prisma clients (prisma/schema.prisma or the lock file changed)');
  run(process.execPath, ['scripts/prisma-generate.mjs']);
}
if (steps.includes('compile')) {
  say('compiling (sources, tsconfig or the lock file changed)');
  // A fresh dist/: nothing left over from deleted sources, and no stamp until tsc has succeeded.
  const buildHash = buildInputsHash();
  rmSync('dist', { recursive: true, force: true });
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
  writeStamp(BUILD_STAMP, buildHash);
}
