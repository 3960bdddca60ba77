import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewLinks } from '../src/http/preview-links.js';
import { takeoverParamsSchema } from '../src/takeover/params.js';
import { renderScenePreview } from '../src/takeover/preview-svg.js';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedSceneParams } from './fixtures/seed-scene.js';

const timedScene = takeoverParamsSchema.parse({
  ...seedSceneParams,
  digitalRole: { ...seedSceneParams.digitalRole, scale: 0.6, position: { x: 200, y: 600 } },
  foregrounds: [{ ...seedSceneParams.foregrounds[0], rect: { x: 60, y: 1500, width: 400, height: 300 }, start: 100, duration: 50 }],
});

describe('scene preview SVG', () => {
  it('draws the platform example scene (snapshot)', async () => {
    await expect(renderScenePreview(takeoverParamsSchema.parse(seedSceneParams))).toMatchFileSnapshot('__snapshots__/seed-scene.svg');
  });

  it('marks timed layers hidden at a frame (snapshot)', async () => {
    const svg = renderScenePreview(timedScene, { frame: 10 });
    expect(svg).toContain('foreground 0: 前景 (hidden at frame 10)');
    expect(renderScenePreview(timedScene, { frame: 120 })).not.toContain('hidden at frame');
    await expect(svg).toMatchFileSnapshot('__snapshots__/timed-scene-frame-10.svg');
  });

  it('is deterministic and well-formed', () => {
    expect(renderScenePreview(timedScene)).toBe(renderScenePreview(structuredClone(timedScene)));
    expect(XMLValidator.validate(renderScenePreview(timedScene))).toBe(true);
  });

  it('escapes every text from the scene', () => {
    const hostile = takeoverParamsSchema.parse({
      ...minimalSceneParams,
      watermark: { show: true, content: '</text><script>alert(1)</script>' },
      foregroundTexts: [{ text: '"><image href=x onerror=alert(1)>', fontFamily: 'x" onload="alert(1)', rgba: [0, 0, 0, 255] }],
      backgrounds: [{ fileId: 'f', name: '<b>&amp;', rect: { x: 0, y: 0, width: 1080, height: 1920 } }],
    });
    const svg = renderScenePreview(hostile);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|<image|onload="/);
    expect(svg).toContain('&quot;&gt;&lt;image href=x onerror=alert(1)&gt;');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(svg).toContain('&lt;b&gt;&amp;amp;');
  });
});

describe('preview over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const QUERY = /* GraphQL */ `query ($id: ID!) { task(id: $id) { previewUrl(frame: 10) previewSvg(frame: 10) } }`;

  it('serves a signed link without an API key, and nothing for a forged, foreign or expired one', async () => {
    const task = (await t.graphql(CREATE_TAKEOVER, { videoName: 'p', params: seedSceneParams })).data.createTakeoverVideo.task;
    const { previewUrl, previewSvg } = (await t.graphql(QUERY, { id: task.id })).data.task;
    expect(previewUrl).toMatch(/^http:\/\/test\/preview\/task\//);
    const response = await t.app.fetch(previewUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await response.text()).toBe(previewSvg);

    const forged = previewUrl.replace(/sig=[^&]+/, 'sig=AAAA');
    const foreign = previewUrl.replace(/owner=[^&]+/, 'owner=tenant-b');
    for (const url of [forged, foreign, 'http://test/preview/task/nothing.svg']) expect((await t.app.fetch(url)).status).toBe(404);

    let now = Date.now();
    const links = new PreviewLinks('k'.repeat(32), 1_000, () => now);
    const link = new URL(`http://test${links.link({ kind: 'task', id: 'x', ownerId: 'o' })}`);
    expect(links.verify(link)).toMatchObject({ id: 'x', ownerId: 'o' });
    now += 2_000;
    expect(links.verify(link)).toBeUndefined();
  });
});
