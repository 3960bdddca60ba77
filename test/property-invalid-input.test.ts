// Property: any invalid scene gets a clear, typed refusal: never a 5xx, never a platform call,
// never a record. 10,000 generated cases through the yoga instance.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { seedSceneParams } from './fixtures/seed-scene.js';

type Path = (string | number)[];

function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path, value }];
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    // An earlier change may have removed or replaced this branch: nothing more to change here.
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const all = leaves(seedSceneParams);
const numbers = all.filter((leaf) => typeof leaf.value === 'number');
const strings = all.filter((leaf) => typeof leaf.value === 'string');
const colours = all.filter((leaf) => Array.isArray(leaf.value));
const requiredPaths: Path[] = [['resolution'], ['resolution', 'width'], ['digitalRole'], ['digitalRole', 'fileId'], ['foregrounds', 0, 'rect'], ['foregrounds', 0, 'rect', 'height'], ['backgrounds', 0, 'fileId'], ['foregroundTexts', 0, 'text'], ['foregroundTexts', 0, 'fontFamily'], ['ttsConfig', 'id'], ['audios', 0, 'url']];
const lists: Path[] = [['audios'], ['backgrounds'], ['foregrounds'], ['foregroundTexts']];

const oddUnicode = fc.constantFrom('\uD800', '\u202Eevil', 'a\u0000b', '🧨'.repeat(300), '\u200B'.repeat(600), 'ｆｕｌｌｗｉｄｔｈ'.repeat(80));
const extremeNumber = fc.oneof(
  fc.constantFrom(-1e12, 1e12, -1, -0.5, 256, 1e6, 2 ** 31, -(2 ** 31), 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
);

const change = fc.oneof(
  fc.record({ leaf: fc.constantFrom(...numbers), value: extremeNumber }).map(({ leaf, value }) => (p: unknown) => setAt(p, leaf.path, Number.isInteger(leaf.value) && Math.abs(value) < 2 ** 31 ? Math.trunc(value) : value)),
  fc.record({ leaf: fc.constantFrom(...strings), size: fc.integer({ min: 600, max: 30_000 }) }).map(({ leaf, size }) => (p: unknown) => setAt(p, leaf.path, 'x'.repeat(size))),
  fc.record({ leaf: fc.constantFrom(...strings), value: oddUnicode }).map(({ leaf, value }) => (p: unknown) => setAt(p, leaf.path, value)),
  fc.record({ leaf: fc.constantFrom(...colours), value: fc.array(fc.integer({ min: -300, max: 300 }), { maxLength: 9 }) }).map(({ leaf, value }) => (p: unknown) => setAt(p, leaf.path, value)),
  fc.record({ path: fc.constantFrom(...requiredPaths), asNull: fc.boolean() }).map(({ path, asNull }) => (p: unknown) => setAt(p, path, null, !asNull)),
  fc.record({ path: fc.constantFrom(...lists), size: fc.integer({ min: 21, max: 60 }) }).map(({ path, size }) => (p: unknown) => {
    const item = (seedSceneParams as unknown as Record<string, unknown[]>)[path[0] as string]![0];
    return setAt(p, path, Array.from({ length: size }, () => item));
  }),
);

const invalidScene = fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => changes.reduce((scene, apply) => apply(scene), seedSceneParams as unknown));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('invalid input, generated', () => {
  it('10,000 invalid scenes: each refused with a typed error, no 5xx, no platform call, no record', async () => {
    const outcomes = { validationError: 0, graphqlError: 0 };
    await fc.assert(
      fc.asyncProperty(invalidScene, async (params) => {
        fc.pre(!takeoverParamsSchema.safeParse(params).success);
        const response = await t.app.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
          body: JSON.stringify({ query: CREATE_TAKEOVER, variables: { videoName: 'fuzz', params } }),
        });
        expect(response.status).toBeLessThan(500);
        const body = await response.json();
        if (body.data?.createTakeoverVideo) {
          expect(body.data.createTakeoverVideo.__typename).toBe('ValidationError');
          expect(body.data.createTakeoverVideo.issues.length).toBeGreaterThan(0);
          outcomes.validationError += 1;
        } else {
          // Wrong shapes (a null where the schema says non-null) never reach our rules: GraphQL refuses them.
          expect(body.errors.length).toBeGreaterThan(0);
          expect(body.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
          outcomes.graphqlError += 1;
        }
      }),
      { numRuns: 10_000, seed: 20261126, maxSkipsPerRun: 10 },
    );
    expect(outcomes.validationError + outcomes.graphqlError).toBe(10_000);
    expect(outcomes.validationError).toBeGreaterThan(5_000);
    expect(t.simulator.calls.create).toBe(0);
    expect(await t.db.task.count()).toBe(0);
  }, 240_000);
});
