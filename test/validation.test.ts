import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedSceneParams } from './fixtures/seed-scene.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const seed = seedSceneParams;
const layer = seed.foregrounds[0]!;
const text = seed.foregroundTexts[0]!;

// Each case breaks one rule; `path` is the exact path we must report.
const cases: { rule: string; params: unknown; path: string; message: RegExp; videoName?: string }[] = [
  { rule: 'rgba has exactly 4 components', path: 'params.foregroundTexts[0].rgba', message: /exactly 4 components/,
    params: { ...seed, foregroundTexts: [{ ...text, rgba: [1, 2, 3] }] } },
  { rule: 'rgba components are 0..255', path: 'params.title.strokeRgba[2]', message: /0\.\.255/,
    params: { ...seed, title: { ...seed.title, strokeRgba: [0, 0, 256, 0] } } },
  { rule: 'opacity is 0..1', path: 'params.foregroundTexts[0].opacity', message: /<=1/,
    params: { ...seed, foregroundTexts: [{ ...text, opacity: 1.5 }] } },
  { rule: 'a positive rect', path: 'params.foregrounds[1].rect.width', message: />0/,
    params: { ...seed, foregrounds: [layer, { ...layer, rect: { x: 0, y: 0, width: 0, height: 10 } }] } },
  { rule: 'resolution within a sane maximum', path: 'params.resolution.width', message: /<=4096/,
    params: { ...minimalSceneParams, resolution: { width: 10000, height: 1920 } } },
  { rule: 'resolution positive', path: 'params.resolution.height', message: />=16/,
    params: { ...minimalSceneParams, resolution: { width: 1080, height: 0 } } },
  { rule: 'frame rate bounds', path: 'params.frameRate', message: /<=60/,
    params: { ...minimalSceneParams, frameRate: 240 } },
  { rule: 'bit rate bounds', path: 'params.bitRate', message: />0/,
    params: { ...minimalSceneParams, bitRate: 0 } },
  { rule: 'unit beautify range', path: 'params.effects.beautify.whitenStrength', message: /<=1/,
    params: { ...minimalSceneParams, effects: { beautify: { whitenStrength: 1.2 } } } },
  { rule: 'signed beautify range', path: 'params.effects.beautify.chinLength', message: />=-1/,
    params: { ...minimalSceneParams, effects: { beautify: { chinLength: -1.5 } } } },
  { rule: 'unit beautify keys are not signed', path: 'params.effects.beautify.sharpen', message: />=0/,
    params: { ...minimalSceneParams, effects: { beautify: { sharpen: -0.5 } } } },
  { rule: 'digital role by fileId: url must be empty', path: 'params.digitalRole.url', message: /fileId only/,
    params: { ...minimalSceneParams, digitalRole: { fileId: '1', url: 'https://x/y.mp4' } } },
  { rule: 'digital role by fileId: fileId required', path: 'params.digitalRole.fileId', message: /fileId is required/,
    params: { ...minimalSceneParams, digitalRole: { fileId: '  ' } } },
  { rule: 'backgrounds by fileId', path: 'params.backgrounds[0].url', message: /fileId only/,
    params: { ...seed, backgrounds: [{ ...seed.backgrounds[0], url: 'https://x/bg.png' }] } },
  { rule: 'foregrounds by fileId', path: 'params.foregrounds[0].fileId', message: /fileId is required/,
    params: { ...seed, foregrounds: [{ ...layer, fileId: '' }] } },
  { rule: 'TTS content required without audios', path: 'params.ttsQuery.content', message: /script is required/,
    params: { ...minimalSceneParams, ttsQuery: { content: '  ' } } },
  { rule: 'TTS content required when ttsQuery is left out', path: 'params.ttsQuery.content', message: /unless audios/,
    params: { resolution: { width: 720, height: 1280 }, digitalRole: { fileId: '1' } } },
  { rule: 'SSML well-formed', path: 'params.ttsQuery.content', message: /not well-formed SSML/,
    params: { ...minimalSceneParams, ttsQuery: { content: '<speak>hello', ssml: true } } },
  { rule: 'SSML root is <speak>', path: 'params.ttsQuery.content', message: /<speak> root/,
    params: { ...minimalSceneParams, ttsQuery: { content: '<p>hello</p>', ssml: true } } },
  { rule: 'string length: tts content', path: 'params.ttsQuery.content', message: /<=10000/,
    params: { ...minimalSceneParams, ttsQuery: { content: 'x'.repeat(10001) } } },
  { rule: 'list size: audios', path: 'params.audios', message: /<=20/,
    params: { ...minimalSceneParams, audios: Array.from({ length: 21 }, () => ({ url: 'https://a/b.mp3' })) } },
  { rule: 'audio URLs are http(s)', path: 'params.audios[0].url', message: /http\(s\) URL/,
    params: { ...minimalSceneParams, audios: [{ url: 'ftp://a/b.mp3' }] } },
  { rule: 'language is BCP 47', path: 'params.ttsConfig.language', message: /BCP 47/,
    params: { ...minimalSceneParams, ttsConfig: { id: 'xiaoyue', language: 'chinese please' } } },
  { rule: 'duration is -1 or more', path: 'params.backgrounds[0].duration', message: /until the end/,
    params: { ...seed, backgrounds: [{ ...seed.backgrounds[0], duration: -2 }] } },
  { rule: 'video name required', path: 'videoName', message: /video name is required/, videoName: '   ',
    params: minimalSceneParams },
];

describe('validation', () => {
  it.each(cases)('$rule: reports $path', async ({ params, path, message, videoName }) => {
    const createsBefore = t.simulator.calls.create;
    const { data, errors } = await t.graphql(CREATE_TAKEOVER, { videoName: videoName ?? 'v', params });
    expect(errors).toBeUndefined();
    const result = data.createTakeoverVideo;
    expect(result.__typename).toBe('ValidationError');
    const issue = result.issues.find((i: { path: string }) => i.path === path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue.message).toMatch(message);
    expect(t.simulator.calls.create).toBe(createsBefore);
  });

  it('lists every problem at once, and records nothing', async () => {
    const params = {
      ...seed,
      resolution: { width: 0, height: 1920 },
      foregroundTexts: [{ ...text, opacity: 2, rgba: [0, 0] }],
      digitalRole: { ...seed.digitalRole, url: 'https://x' },
    };
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'many', params });
    const paths = data.createTakeoverVideo.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual([
      'params.digitalRole.url',
      'params.foregroundTexts[0].opacity',
      'params.foregroundTexts[0].rgba',
      'params.resolution.width',
    ]);
    expect(await t.db.task.count()).toBe(0);
    expect(t.simulator.calls.create).toBe(0);
  });

  it('accepts audios instead of a TTS script, and explicit nulls as "left out"', async () => {
    const params = {
      resolution: { width: 720, height: 1280 },
      digitalRole: { fileId: '1', position: null },
      ttsQuery: null,
      audios: [{ url: 'https://example.com/a.mp3' }],
      title: null,
    };
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'audio', params });
    expect(data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
    expect(data.createTakeoverVideo.task.params.digitalRole.position).toEqual({ x: 0, y: 0 });
  });

  it('accepts well-formed SSML', async () => {
    const params = { ...minimalSceneParams, ttsQuery: { content: '<speak>你好<break time="500ms"/>世界</speak>', ssml: true } };
    const { data } = await t.graphql(CREATE_TAKEOVER, { videoName: 'ssml', params });
    expect(data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
  });
});
