// Issue #9 item 2: one key cannot stall everyone. Expensive fields are weighed, pages multiply by
// the number of items they may hold (given inline or in variables), `__typename` aliases count,
// and a response has a size limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { toParamString } from '../src/takeover/wire-format.js';
import { seedSceneParams } from './fixtures/seed-scene.js';
import { DEFAULT_OPTIONS, startTestApp, TEST_TENANT, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let small: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  small = await startTestApp({ options: { limits: { ...DEFAULT_OPTIONS.limits, responseBytes: 20_000 } } });
  const params = takeoverParamsSchema.parse(seedSceneParams);
  for (const app of [t, small]) {
    await app.db.task.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        ownerId: TEST_TENANT,
        videoName: `seeded ${i}`,
        params: JSON.stringify(params),
        paramString: toParamString(params),
        status: 'SUBMITTED' as const,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });
  }
});
afterAll(async () => {
  await small.close();
  await t.close();
});

const aliases = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

describe('operation cost', () => {
  it('refuses 15 aliases of a hundred previews each before resolving anything', async () => {
    const { data, errors } = await t.graphql(`{ ${aliases(15, 'tasks(first: 100) { edges { node { previewSvg } } }')} }`);
    expect(data).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors![0].message).toMatch(/estimated cost \(\d+\) is over the limit of 10000/);
    expect(errors![0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', maxCost: 10_000 });
  });

  it('weighs previews, params and warnings above plain fields', async () => {
    const plain = await t.graphql(`{ ${aliases(15, 'tasks(first: 100) { edges { node { id videoName status } } }')} }`);
    expect(plain.errors).toBeUndefined();
    expect(plain.data.a14.edges).toHaveLength(30);
    for (const field of ['previewSvg', 'warnings { code }', 'params { version } paramString']) {
      const { errors } = await t.graphql(`{ ${aliases(15, `tasks(first: 100) { edges { node { id ${field} } } }`)} }`);
      expect(errors?.[0].extensions.code, field).toBe('COST_LIMIT_EXCEEDED');
    }
  });

  it('multiplies a page by the size asked for in variables, and by the default size without one', async () => {
    const query = `query ($n: Int) { ${aliases(5, 'tasks(first: $n) { edges { node { previewSvg } } }')} }`;
    expect((await t.graphql(query, { n: 100 })).errors?.[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    const fits = await t.graphql(query, { n: 10 });
    expect(fits.errors).toBeUndefined();
    expect(fits.data.a4.edges).toHaveLength(10);
    // Without first/last a page holds 20: five of them fit, a hundred do not (the alias limit aside).
    expect((await t.graphql(`{ ${aliases(5, 'tasks { edges { node { previewSvg } } }')} }`)).errors).toBeUndefined();
  });

  it('remembers estimates by the variables that weigh: an input object (a filter, a scene) does not, a page size does', async () => {
    const query = `query ($n: Int, $f: TaskFilterInput) { ${aliases(5, 'tasks(first: $n, filter: $f) { edges { node { previewSvg } } }')} }`;
    const filter = { status: ['SUBMITTED'] };
    expect((await t.graphql(query, { n: 10, f: filter })).errors).toBeUndefined();
    expect((await t.graphql(query, { n: 100, f: filter })).errors?.[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    const other = await t.graphql(query, { n: 10, f: { status: ['SUBMITTED', 'FAILED'] } });
    expect(other.errors).toBeUndefined();
    expect(other.data.a0.edges).toHaveLength(10);
    expect((await t.graphql(query, { n: 100, f: { status: ['FAILED'] } })).errors?.[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('counts __typename aliases toward the alias limit', async () => {
    const { data, errors } = await t.graphql(`{ ${aliases(1_000, '__typename')} }`);
    expect(data).toBeUndefined();
    expect(errors?.[0].message).toMatch(/aliases limit of 15 exceeded, found 1000/i);
  });
});

describe('response size', () => {
  it('answers a result over GRAPHQL_MAX_RESPONSE_BYTES with an error instead', async () => {
    const { data, errors } = await small.graphql('{ tasks(first: 30) { edges { node { id paramString } } } }');
    expect(data).toBeUndefined();
    expect(errors).toEqual([{ message: expect.stringMatching(/larger than 20000 bytes/), extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 20_000 } }]);
    const fits = await small.graphql('{ tasks(first: 30) { edges { node { id } } } }');
    expect(fits.errors).toBeUndefined();
    expect(fits.data.tasks.edges).toHaveLength(30);
  });
});
