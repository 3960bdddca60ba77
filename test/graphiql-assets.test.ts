// Issue #9 item 1 (GraphiQL): a page load is small, its assets are compressed once and cacheable,
// so thirty browsers opening GraphiQL at once cost the process little.
import { gunzipSync } from 'node:zlib';
import * as bundle from '@graphql-yoga/render-graphiql/graphiql';
import { GraphiQLAssets } from '../src/http/graphiql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ options: { graphiqlAssets: await GraphiQLAssets.load(), graphiqlApiKey: 'tk_example0_key' } });
});
afterAll(() => t.close());

const page = async () => {
  const response = await t.app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
  return { response, html: await response.text() };
};
const assetPaths = (html: string) => [...html.matchAll(/"(\/graphiql\/[^"]+)"/g)].map((match) => match[1]!);

describe('GraphiQL', () => {
  it('is a small page that links content-hashed assets and carries the options', async () => {
    const { response, html } = await page();
    expect(response.status).toBe(200);
    expect(html.length).toBeLessThan(20_000);
    expect(html).toContain('CreateSeedScene');
    expect(html).toContain('tk_example0_key');
    const paths = assetPaths(html);
    expect(paths).toHaveLength(6); // icon, style, three workers, script
    for (const path of paths) expect(path).toMatch(/^\/graphiql\/[a-z-]+-[0-9a-f]{16}\.(js|css|ico)$/);
  });

  it('serves each asset gzip-compressed, cacheable for a year, and 304 when unchanged', async () => {
    const script = assetPaths((await page()).html).find((path) => path.startsWith('/graphiql/graphiql-') && path.endsWith('.js'))!;
    const gz = await t.app.fetch(`http://test${script}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(gz.headers.get('vary')).toBe('accept-encoding');
    const compressed = Buffer.from(await gz.arrayBuffer());
    expect(compressed.length).toBeLessThan(bundle.js.length / 3);
    expect(Number(gz.headers.get('content-length'))).toBe(compressed.length);
    expect(gunzipSync(compressed).toString()).toBe(bundle.js);

    // A client that takes no gzip gets the asset inflated as it is sent.
    for (const acceptEncoding of [undefined, 'br', 'gzip;q=0']) {
      const plain = await t.app.fetch(`http://test${script}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(bundle.js);
    }

    const again = await t.app.fetch(`http://test${script}`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await t.app.fetch('http://test/graphiql/graphiql-0000000000000000.js')).status).toBe(404);
  });

  it('answers thirty concurrent page loads with all their assets, compressed', async () => {
    const loads = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const { html } = await page();
        const assets = await Promise.all(
          assetPaths(html).map(async (path) => (await t.app.fetch(`http://test${path}`, { headers: { 'accept-encoding': 'gzip, br' } })).arrayBuffer()),
        );
        return html.length + assets.reduce((sum, body) => sum + body.byteLength, 0);
      }),
    );
    // Everything a first visit downloads, compressed: about 2 MB instead of 9 MB for the page alone.
    for (const bytes of loads) expect(bytes).toBeLessThan(3_000_000);
  });
});
