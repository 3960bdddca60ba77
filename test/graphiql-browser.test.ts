// End to end, as a person would: GraphiQL in headless Chromium (Debian's package, driven by
// playwright-core) runs its example mutation against the sandbox service and shows the created
// task; the browser then loads the task's preview SVG. Then GraphiQL runs a `taskUpdated`
// subscription (server-sent events) and shows the task reach SUCCEEDED by itself: the sandbox's
// simulator renders it and calls the service back, and the result video downloads. Skipped where
// Chromium is not installed (CI installs it).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type ServiceProcess } from './helpers/service-process.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!existsSync(CHROMIUM))('GraphiQL in a browser', () => {
  let dir: string;
  let service: ServiceProcess;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'graphiql-'));
    const env: NodeJS.ProcessEnv = { DATABASE_URL: `file:${path.join(dir, 'e2e.db')}`, SOFTSUGAR_APP_ID: '', SOFTSUGAR_APP_KEY: '', SIMULATOR_RENDER_MS: '3000' };
    service = await startService(env);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    service?.child.kill('SIGTERM');
    await service?.exited();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the example mutation with the prefilled development key and shows the created task', async () => {
    const page = await browser.newPage();
    await page.goto(service.url);
    await page.getByText('CreateSeedScene').first().waitFor({ timeout: 30_000 });
    const response = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('CreateSeedScene'));
    await page.locator('.graphiql-execute-button').click();
    const body = await (await response).json();
    expect(body.data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
    const task = body.data.createTakeoverVideo.task;
    expect(task.status).toBe('SUBMITTED');
    // The result pane shows it.
    const result = page.locator('.result-window');
    await result.getByText('"CreateTakeoverVideoSuccess"').waitFor({ timeout: 15_000 });
    await result.getByText('"SUBMITTED"').waitFor();
    await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT ?? path.join(dir, 'graphiql.png') });

    // The preview link from the result opens in the browser without an API key.
    const preview = await browser.newPage();
    const loaded = await preview.goto(new URL(task.previewUrl, service.url).toString());
    expect(loaded?.status()).toBe(200);
    expect(loaded?.headers()['content-type']).toMatch(/image\/svg\+xml/);
    expect(await preview.locator('svg text').filter({ hasText: 'avatar Nina' }).count()).toBe(1);
  }, 90_000);

  it('submits the example, then follows the task live in a subscription until SUCCEEDED', async () => {
    const page = await browser.newPage();
    await page.goto(service.url);
    await page.getByText('CreateSeedScene').first().waitFor({ timeout: 30_000 });
    const submitted = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('CreateSeedScene'));
    await page.locator('.graphiql-execute-button').click();
    const task = (await (await submitted).json()).data.createTakeoverVideo.task;
    expect(task.status).toBe('SUBMITTED');

    const subscription = `subscription WatchTask {
  taskUpdated(id: "${task.id}") {
    task { id status progress resultUrl }
    event { fromStatus toStatus progress source }
  }
}`;
    const watching = await browser.newPage();
    await watching.goto(`${service.url}?query=${encodeURIComponent(subscription)}`);
    await watching.getByText('WatchTask').first().waitFor({ timeout: 30_000 });
    const stream = watching.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('WatchTask'));
    await watching.locator('.graphiql-execute-button').click();
    const response = await stream;
    expect(response.request().method()).toBe('POST');
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    // GraphiQL shows the latest message: the current state first, then each change as the
    // simulator reports it, until SUCCEEDED with the result's URL.
    const result = watching.locator('.result-window');
    await result.getByText('"SUCCEEDED"').first().waitFor({ timeout: 30_000 });
    // (the editor spaces with no-break spaces)
    const resultUrl = /"resultUrl":\s*"([^"]+)"/.exec(await result.innerText())?.[1];
    expect(resultUrl).toMatch(/^http:\/\/.+\.mp4$/);
    await watching.screenshot({ path: (process.env.GRAPHIQL_SCREENSHOT ?? path.join(dir, 'graphiql.png')).replace(/(\.png)?$/, '-subscription.png') });

    // The finished video downloads.
    const video = await fetch(resultUrl!);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toMatch(/^video\/mp4/);
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
  }, 120_000);
});
