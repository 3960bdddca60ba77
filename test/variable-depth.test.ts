// A deeply nested variable is refused before anything walks it (issue #9, item 14): it used to
// overflow the stack while the response cache built its key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const post = (body: string) =>
  t.app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
    body,
  });

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('variable depth', () => {
  it.each([
    ['an unused variable 100,000 arrays deep', `{"query":"query { tasks(first: 1) { totalCount } }","variables":{"deep":${nested(100_000)}}}`],
    ['a declared variable 100,000 objects deep', `{"query":"query ($filter: TaskFilterInput) { tasks(first: 1, filter: $filter) { totalCount } }","variables":{"filter":${nestedObject(100_000)}}}`],
    ['extensions 100,000 deep', `{"query":"{ __typename }","extensions":{"x":${nested(100_000)}}}`],
    ['a mutation variable 21 levels deep', `{"query":"mutation ($params: TakeoverParamsInput) { createTakeoverVideo(videoName: \\"v\\", params: $params) { __typename } }","variables":{"params":${nestedObject(20)}}}`],
  ])('refuses %s with a 400 and BAD_USER_INPUT, logging no error', async (_what, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const result = await response.json();
    expect(result.errors).toEqual([{ message: expect.stringMatching(/nest deeper than 20 levels/), extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(t.simulator.calls.create).toBe(0);
  });

  it('accepts the deepest inputs the schema has', async () => {
    const overrides = { foregroundTexts: [{ text: 'x', fontFamily: 'f', position: { x: 1, y: 2 }, rgba: [1, 2, 3, 4] }] };
    const response = await post(
      JSON.stringify({
        query: 'query ($params: TakeoverParamsInput) { checkScene(videoName: "v", params: $params) { issues { path } } }',
        variables: { params: { ...minimalSceneParams, ...overrides } },
      }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).data.checkScene.issues).toEqual([]);
  });
});
