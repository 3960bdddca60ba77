// GraphiQL in headless Chromium runs a live subscription: submit the example mutation, then run a
// `taskUpdated` subscription in GraphiQL and watch the task reach SUCCEEDED in the result pane.
// The app runs in this process (served over HTTP by the service's own server), so the test can
// drive the task's later life through the app's lifecycle (`driveToSuccess`). Once the platform
// simulator renders and reports by itself, drop that call: the page then waits for the
// simulator. Skipped where Chromium is not installed (CI installs it).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../src/auth/api-key.js';
import { recordApiKey } from '../src/db/tenants.js';
import { GraphiQLAssets } from '../src/http/graphiql.js';
import { databaseId } from '../src/schema/global-id.js';
import { driveToSuccess } from './helpers/live.js';
import { startTestApp, TEST_TENANT, type TestApp } from './helpers/test-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const subscriptionFor = (id: string) => `subscription WatchTask {
  taskUpdated(id: "${id}") {
    task { id status progress resultUrl }
    event { fromStatus toStatus progress source }
  }
}`;

describe.skipIf(!existsSync(CHROMIUM))('GraphiQL runs a subscription in a browser', () => {
  let t: TestApp;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const graphiqlAssets = await GraphiQLAssets.load();
    // GraphiQL opens with a key of the test tenant in its headers editor, as in the sandbox.
    const key = generateApiKey();
    t = await startTestApp({ options: { graphiql: true, graphiqlAssets, graphiqlApiKey: key.key } });
    await recordApiKey(t.db, TEST_TENANT, key);
    url = await t.listen();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async (query?: string): Promise<Page> => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/graphql${query ? `?query=${encodeURIComponent(query)}` : ''}`);
    return page;
  };

  it('submits the example, then follows the task live until SUCCEEDED', async () => {
    // Submit: GraphiQL's example mutation.
    const page = await open();
    await page.getByText('CreateSeedScene').first().waitFor({ timeout: 30_000 });
    const submitted = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('CreateSeedScene'));
    await page.locator('.graphiql-execute-button').click();
    const { data } = await (await submitted).json();
    const task = data.createTakeoverVideo.task;
    expect(task.status).toBe('SUBMITTED');

    // Follow it: the subscription in GraphiQL, over server-sent events.
    const watching = await open(subscriptionFor(task.id));
    await watching.getByText('WatchTask').first().waitFor({ timeout: 30_000 });
    const stream = watching.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('WatchTask'));
    await watching.locator('.graphiql-execute-button').click();
    const response = await stream;
    expect(response.request().method()).toBe('POST');
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    const result = watching.locator('.result-window');
    // The current state first.
    await result.getByText('"SUBMITTED"').first().waitFor({ timeout: 15_000 });

    await driveToSuccess(t.lifecycle, databaseId(task.id, 'Task')!, task.platformTaskId);

    await result.getByText('"SUCCEEDED"').first().waitFor({ timeout: 15_000 });
    await result.getByText(`"https://cdn.example.com/videos/${task.platformTaskId}.mp4"`).waitFor();
    if (process.env.GRAPHIQL_SCREENSHOT) await watching.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT.replace(/(\.png)?$/, '-subscription.png') });
  }, 120_000);
});
