// The service as `npm start` runs it: compiled by `tsc -p tsconfig.build.json` into dist/, started
// with the same Node flags. Test files in both vitest projects may ask at once: the first builds
// (under a lock), the others wait and reuse the build while the sources are unchanged.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.test-build-stamp');
const LOCK = path.join(ROOT, '.test-build-lock');

/** `npm start`'s Node flags (package.json). */
export const START_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=96'];
export const BUILT_MAIN = path.join(DIST, 'src', 'main.js');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await sourceFiles(path.join(ROOT, 'src'))), path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'tsconfig.build.json'), path.join(ROOT, 'package-lock.json')]) {
    hash.update(file).update(await readFile(file));
  }
  return hash.digest('hex');
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      // A lock older than two minutes was left by a run that died.
      const age = Date.now() - (await stat(LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 120_000) await rm(LOCK, { recursive: true, force: true });
      if (attempt > 600) throw new Error('waited too long for another test build');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Builds dist/ unless it was built from these sources already. */
export async function buildService(): Promise<void> {
  await withLock(async () => {
    const hash = await sourceHash();
    if ((await readFile(STAMP, 'utf8').catch(() => '')) === hash) return;
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
    await writeFile(STAMP, hash);
  });
}
