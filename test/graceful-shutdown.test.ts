// SIGTERM under load: in-flight submissions finish and are recorded, new connections are refused,
// the process exits cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { prepareServiceFixture, type ServiceFixture } from './helpers/service-fixture.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

let fixture: ServiceFixture;
beforeAll(async () => {
  fixture = await prepareServiceFixture('shutdown', 1_000);
});
afterAll(() => fixture.cleanup());

const submitTo = (service: ServiceProcess) => (n: number) =>
  fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.apiKey}`, connection: 'close' },
    body: JSON.stringify({
      query: 'mutation ($n: String, $p: TakeoverParamsInput) { createTakeoverVideo(videoName: $n, params: $p) { __typename } }',
      variables: { n: `load ${n}`, p: minimalSceneParams },
    }),
  }).then(async (response) => (await response.json()).data.createTakeoverVideo.__typename as string);

describe('graceful shutdown', () => {
  it('finishes in-flight submissions, refuses new connections, exits 0', async () => {
    const service = await startService({ ...fixture.env, LOG_LEVEL: 'info' });
    const submit = submitTo(service);

    const inFlight = Array.from({ length: 10 }, (_, n) => submit(n));
    while (fixture.simulator.calls.create < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(service.url.replace('/graphql', '/health'))).rejects.toThrow();

    expect(await Promise.all(inFlight)).toEqual(Array(10).fill('CreateTakeoverVideoSuccess'));
    expect(await service.exited()).toBe(0);
    expect(service.output()).toMatch(/finishing in-flight requests/);

    const { db } = await openDatabase(fixture.databaseUrl);
    const statuses = (await db.task.findMany({ where: { ownerId: 'shutdown' } })).map((task) => task.status);
    await db.$disconnect();
    expect(statuses).toEqual(Array(10).fill('SUBMITTED'));
  });

  it('a repeated SIGTERM (npm forwarding one the process group also got) does not cut the drain short', async () => {
    const service = await startService(fixture.env);
    const before = fixture.simulator.calls.create;
    const inFlight = Array.from({ length: 3 }, (_, n) => submitTo(service)(100 + n));
    while (fixture.simulator.calls.create < before + 3) await new Promise((resolve) => setTimeout(resolve, 20));
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    service.child.kill('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(3).fill('CreateTakeoverVideoSuccess'));
    expect(await service.exited()).toBe(0);
  });
});
