// The typed client in client/generated must be what GraphQL Code Generator makes from the
// checked-in schema.graphql and client/operations: regenerate into a scratch folder and compare.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../codegen.js';

const scratch = await mkdtemp(path.join(tmpdir(), 'codegen-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('generated typed client', () => {
  it('is current (run `npm run codegen` after changing the schema or an operation)', async () => {
    const [target, output] = Object.entries(config.generates)[0]!;
    await generate({ ...config, silent: true, generates: { [`${scratch}/`]: output } }, true);
    const committed = (await readdir(target)).sort();
    expect((await readdir(scratch)).sort()).toEqual(committed);
    for (const file of committed) {
      expect(await readFile(path.join(scratch, file), 'utf8'), file).toBe(await readFile(path.join(target, file), 'utf8'));
    }
  }, 60_000);

  it('has no `any` in the types clients use', async () => {
    const types = await readFile('client/generated/graphql.ts', 'utf8');
    expect(types).not.toMatch(/:\s*any\b/);
  });
});
