// Property: whatever a client sends to createTakeoverVideo (inline params, a preset with variables
// and overrides, as variables or as literals written into the document), the answer is a typed
// member of the result union or a GraphQL request error: never a 5xx, never an internal error,
// never an error log line. Every accepted submission is exactly one platform call and one task
// record, and checkScene reports exactly what createTakeoverVideo refuses. 10,000 generated cases.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRESET, UPDATE_PRESET } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedSceneParams } from './fixtures/seed-scene.js';

type Path = (string | number)[];
type Json = unknown;

// ---- scenes: the platform's example scene with up to three things changed -----------------------

function leaves(value: Json, path: Path = []): { path: Path; value: Json }[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path, value }];
}

/** `root` with `value` at `path`; missing objects and lists on the way are made (an override patch starts empty). */
function setAt(root: Json, path: Path, value: Json, remove = false): Json {
  const copy = structuredClone(root ?? {}) as Record<string | number, Json>;
  let node = copy;
  for (const [i, key] of path.slice(0, -1).entries()) {
    let next = node[key];
    if (next === undefined) next = node[key] = typeof path[i + 1] === 'number' ? [] : {};
    // An earlier change may have replaced this branch with a leaf: nothing more to change here.
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string | number, Json>;
  }
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const all = leaves(seedSceneParams);
const numbers = all.filter((leaf) => typeof leaf.value === 'number');
const strings = all.filter((leaf) => typeof leaf.value === 'string' && leaf.path.at(-1) !== 'videoFormat');
const colours = all.filter((leaf) => Array.isArray(leaf.value));
const requiredPaths: Path[] = [['resolution'], ['resolution', 'width'], ['digitalRole'], ['digitalRole', 'fileId'], ['foregrounds', 0, 'rect'], ['foregrounds', 0, 'rect', 'height'], ['backgrounds', 0, 'fileId'], ['foregroundTexts', 0, 'text'], ['foregroundTexts', 0, 'fontFamily'], ['ttsConfig', 'id'], ['audios', 0, 'url'], ['title'], ['ttsQuery']];
const lists: Path[] = [['audios'], ['backgrounds'], ['foregrounds'], ['foregroundTexts']];

const controlCharacters = ['\u0000', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\t', '\n', '\r\n', '\uD800', '\uDFFF'];
const oddText = fc.oneof(
  fc.constantFrom('\u202Eevil', '🧨'.repeat(300), '\u200B'.repeat(600), 'ｆｕｌｌｗｉｄｔｈ'.repeat(80), '<speak>&</speak>', '{{name}}', '%_\\', '   ', ''),
  fc.constantFrom(...controlCharacters).map((c) => `a${c}b`),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const hugeText = fc.integer({ min: 250, max: 30_000 }).map((size) => 'x'.repeat(size));
const extremeNumber = fc.oneof(
  fc.constantFrom(-1e12, 1e12, -1, -0.5, 256, 1e6, 2 ** 31, -(2 ** 31), 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
);
/** Nested objects or lists, some deeper than any input of the schema (and than the depth limit). */
const deepValue = fc.integer({ min: 1, max: 40 }).map((depth) => {
  let value: Json = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

const change = fc.oneof(
  fc.record({ leaf: fc.constantFrom(...numbers), value: extremeNumber }).map(({ leaf, value }) => (p: Json) => setAt(p, leaf.path, Number.isInteger(leaf.value) && Math.abs(value) < 2 ** 31 ? Math.trunc(value) : value)),
  fc.record({ leaf: fc.constantFrom(...strings), value: fc.oneof(hugeText, oddText) }).map(({ leaf, value }) => (p: Json) => setAt(p, leaf.path, value)),
  fc.record({ leaf: fc.constantFrom(...colours), value: fc.array(fc.integer({ min: -300, max: 300 }), { maxLength: 9 }) }).map(({ leaf, value }) => (p: Json) => setAt(p, leaf.path, value)),
  fc.record({ path: fc.constantFrom(...requiredPaths), asNull: fc.boolean() }).map(({ path, asNull }) => (p: Json) => setAt(p, path, null, !asNull)),
  fc.record({ path: fc.constantFrom(...lists), size: fc.integer({ min: 0, max: 60 }) }).map(({ path, size }) => (p: Json) => {
    const item = (seedSceneParams as unknown as Record<string, Json[]>)[path[0] as string]![0];
    return setAt(p, path, Array.from({ length: size }, () => item));
  }),
  fc.record({ leaf: fc.constantFrom(...all), value: fc.oneof(deepValue, fc.jsonValue({ maxDepth: 2 })) }).map(({ leaf, value }) => (p: Json) => setAt(p, leaf.path, value)),
);
/** Changes that keep a scene valid, so that plenty of cases are accepted and sent. */
const benign = fc.oneof(
  fc.integer({ min: 8, max: 200 }).map((size) => (p: Json) => setAt(p, ['title', 'fontSize'], size)),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '').map((text) => (p: Json) => setAt(p, ['foregroundTexts', 0, 'text'], text)),
  fc.constantFrom('MP4', 'WEBM').map((format) => (p: Json) => setAt(p, ['videoFormat'], format)),
  fc.constant((p: Json) => setAt(p, ['resolution'], { width: 720, height: 1280 })),
);

const changed = (scene: Json, allowBreaking = true) =>
  fc
    .array(allowBreaking ? fc.oneof({ weight: 3, arbitrary: change }, { weight: 1, arbitrary: benign }) : benign, { minLength: 0, maxLength: 3 })
    .map((changes) => changes.reduce((value, apply) => apply(value), scene));

// ---- the other arguments ----------------------------------------------------------------------

const videoName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('fuzz', 'Welcome {{name}}', '  padded  ') },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.oneof(oddText, hugeText, fc.integer({ min: 250, max: 900_000 }).map((n) => 'n'.repeat(n))) },
);
const thumbnailUrl = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('https://example.com/t.png', 'javascript:alert(1)', 'https://x/\u0000', `https://x/${'p'.repeat(3000)}`) },
);
let keySerial = 0;
const idempotencyKey = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  // A fresh valid key each time: a repeat would be answered without a platform call.
  { weight: 2, arbitrary: fc.constant('fresh').map(() => `fuzz-${(keySerial += 1)}`) },
  { weight: 1, arbitrary: fc.constantFrom('with space', 'nul\u0000', 'k'.repeat(129), 'ключ') },
);

// ---- presets: referenced with fuzzed variables, overrides, versions and ids ------------------------

interface Presets {
  template: string;
  ssml: string;
  nameless: string;
  others: string;
}
let presets: Presets;
const TEMPLATE_VARIABLES = ['brand', 'name', 'offer'];

const variableName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TEMPLATE_VARIABLES) },
  { weight: 1, arbitrary: fc.constantFrom('unused', 'bad-name', '', 'n\u0000', 'v'.repeat(65), '{{name}}') },
);
const variableValue = fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 2, arbitrary: oddText }, { weight: 1, arbitrary: hugeText });
const variables = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(variableValue, variableValue, variableValue).map((values) => TEMPLATE_VARIABLES.map((name, i) => ({ name, value: values[i]! }))) },
  { weight: 1, arbitrary: fc.array(fc.record({ name: variableName, value: variableValue }), { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const overrides = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: changed({}) },
  { weight: 1, arbitrary: fc.constantFrom({ title: null }, { digitalRole: null }, { ttsQuery: null, audios: [] }, { foregroundTexts: [] }, { watermark: null }) },
);
const presetId = fc.constantFrom<keyof Presets | 'unknown' | 'malformed'>('template', 'template', 'template', 'ssml', 'nameless', 'others', 'unknown', 'malformed');
const presetReference = fc
  .record({ which: presetId, version: fc.constantFrom(undefined, undefined, 1, 2, 99, 0, -1), variables, overrides })
  .map(({ which, ...rest }) => ({
    id:
      which === 'unknown'
        ? Buffer.from('Preset:00000000-0000-4000-8000-000000000000').toString('base64')
        : which === 'malformed'
          ? 'not-an-id'
          : presets[which],
    ...rest,
  }));

// ---- cases --------------------------------------------------------------------------------------

type Args = Record<string, Json>;
const withoutUndefined = (args: Args): Args => Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));

const inlineArgs = fc
  .record({ videoName, thumbnailUrl, idempotencyKey, params: fc.oneof({ weight: 3, arbitrary: changed(seedSceneParams) }, { weight: 1, arbitrary: changed(minimalSceneParams, false) }) })
  .map(withoutUndefined);
const presetArgs = fc.record({ videoName: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: videoName }), thumbnailUrl, idempotencyKey, preset: presetReference }).map(withoutUndefined);

const CREATE = /* GraphQL */ `
  mutation ($videoName: String, $thumbnailUrl: String, $params: TakeoverParamsInput, $preset: PresetReferenceInput, $idempotencyKey: String) {
    createTakeoverVideo(videoName: $videoName, thumbnailUrl: $thumbnailUrl, params: $params, preset: $preset, idempotencyKey: $idempotencyKey) {
      __typename
      ... on ValidationError { issues { path message } }
      ... on CreateTakeoverVideoSuccess { task { id videoName } }
    }
  }
`;
const CHECK_ARGUMENTS: Record<string, string> = { videoName: 'String', thumbnailUrl: 'String', params: 'TakeoverParamsInput', preset: 'PresetReferenceInput' };
/** checkScene with the arguments a case gives createTakeoverVideo (but its idempotency key). */
function checkDocument(args: Args): string {
  const names = Object.keys(args).filter((name) => name in CHECK_ARGUMENTS);
  const declared = names.length ? `(${names.map((name) => `$${name}: ${CHECK_ARGUMENTS[name]}`).join(', ')})` : '';
  const passed = names.length ? `(${names.map((name) => `${name}: $${name}`).join(', ')})` : '';
  return `query ${declared} { checkScene${passed} { videoName issues { path message } } }`;
}

/** A value written as a GraphQL literal (`videoFormat` is an enum: its value goes unquoted when it can). */
function literal(value: Json, key?: string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => literal(item)).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as object).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${literal(v, k)}`).join(', ')}}`;
  if (key === 'videoFormat' && typeof value === 'string' && /^[A-Z_]+$/.test(value)) return value;
  return JSON.stringify(value);
}
const literalDocument = (args: Args) =>
  `mutation { createTakeoverVideo(${Object.entries(args).map(([name, value]) => `${name}: ${literal(value)}`).join(', ')}) { __typename ... on ValidationError { issues { path message } } } }`;

type Case = { kind: 'inline' | 'preset'; form: 'variables' | 'literal'; args: Args; compare: boolean };
const cases: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom<Case['kind']>('inline', 'preset'),
    form: fc.oneof({ weight: 4, arbitrary: fc.constant<Case['form']>('variables') }, { weight: 1, arbitrary: fc.constant<Case['form']>('literal') }),
    compare: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .chain(({ kind, form, compare }) => (kind === 'inline' ? inlineArgs : presetArgs).map((args) => ({ kind, form, compare, args })));

// ---- the run ------------------------------------------------------------------------------------

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const create = async (input: Json, key?: string) => (await t.graphql(CREATE_PRESET, { input }, key)).data.createPreset.preset.id as string;
  const templateScene = {
    ...minimalSceneParams,
    ttsQuery: { content: 'Dear {{name}}, {{offer}}', ssml: false },
    title: { ...seedSceneParams.title, text: '{{offer}}' },
    watermark: { show: true, content: '{{brand}}' },
    foregroundTexts: [{ ...seedSceneParams.foregroundTexts[0], text: 'For {{name}}' }],
  };
  const template = await create({ name: 'fuzz template', videoName: 'Hi {{name}}', params: { ...templateScene, title: { ...templateScene.title, text: 'Old' } } });
  await t.graphql(UPDATE_PRESET, { id: template, input: { params: templateScene } });
  presets = {
    template,
    ssml: await create({ name: 'fuzz ssml', videoName: 'ssml {{name}}', params: { ...minimalSceneParams, ttsQuery: { content: '<speak>Hello {{name}}</speak>', ssml: true } } }),
    nameless: await create({ name: 'fuzz nameless', params: minimalSceneParams }),
    others: await create({ name: 'not yours', videoName: 'theirs', params: minimalSceneParams }, await t.newTenant('tenant-b')),
  };
});
afterAll(() => t.close());

const ACCEPTED = new Set(['CreateTakeoverVideoSuccess', 'PlatformRejectedError', 'PlatformUnreachableError', 'SubmissionOutcomeUnknownError']);
const TYPED = new Set([...ACCEPTED, 'ValidationError', 'IdempotencyKeyReusedError']);

async function post(query: string, variables?: Args) {
  const response = await t.app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBeLessThan(500);
  const body = await response.json();
  for (const error of body.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  return body;
}

describe('whatever a client sends, generated', () => {
  it('10,000 cases: a typed answer or a request error, never a 5xx or an internal error; platform calls equal accepted submissions', async () => {
    const seen = { accepted: 0, refused: 0, requestErrors: 0, compared: 0, preset: 0, literal: 0 };
    const tasksBefore = await t.db.task.count();
    await fc.assert(
      fc.asyncProperty(cases, async ({ kind, form, args, compare }) => {
        if (kind === 'preset') seen.preset += 1;
        if (form === 'literal') seen.literal += 1;
        const { idempotencyKey: _key, ...checkArgs } = args;
        const checked = compare && form === 'variables' ? await post(checkDocument(checkArgs), checkArgs) : undefined;
        const body = form === 'variables' ? await post(CREATE, args) : await post(literalDocument(args));
        const result = body.data?.createTakeoverVideo;
        if (!result) {
          // Shapes the schema does not allow (a string where a number goes, an unknown field, a
          // too-deep variable) never reach our rules: GraphQL refuses the request.
          expect(body.errors?.length).toBeGreaterThan(0);
          seen.requestErrors += 1;
          return;
        }
        expect(TYPED.has(result.__typename), result.__typename).toBe(true);
        if (ACCEPTED.has(result.__typename)) seen.accepted += 1;
        else seen.refused += 1;
        if (result.__typename === 'ValidationError') expect(result.issues.length).toBeGreaterThan(0);
        if (checked?.data && args.idempotencyKey === undefined) {
          seen.compared += 1;
          const { issues } = checked.data.checkScene;
          if (issues.length) expect(result).toEqual({ __typename: 'ValidationError', issues });
          else expect(result.__typename).toBe('CreateTakeoverVideoSuccess');
        }
      }),
      { numRuns: 10_000, seed: 20261126, endOnFailure: true },
    );
    console.log('property cases', seen);
    expect(seen.accepted + seen.refused + seen.requestErrors).toBe(10_000);
    expect(seen.accepted).toBeGreaterThan(500);
    expect(seen.refused).toBeGreaterThan(3_000);
    expect(seen.preset).toBeGreaterThan(3_000);
    expect(seen.literal).toBeGreaterThan(1_000);
    expect(seen.compared).toBeGreaterThan(300);
    expect(t.simulator.calls.create).toBe(seen.accepted);
    expect((await t.db.task.count()) - tasksBefore).toBe(seen.accepted);
    expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  }, 480_000);
});
