// Kills the service with SIGKILL in the middle of a burst of submissions to a slow platform,
// restarts it, and checks what was recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { prepareServiceFixture, type ServiceFixture } from './helpers/service-fixture.js';
import { minimalSceneParams } from './fixtures/seed-scene.js';

const MUTATION = /* GraphQL */ `
  mutation ($videoName: String, $params: TakeoverParamsInput, $key: String) {
    createTakeoverVideo(videoName: $videoName, params: $params, idempotencyKey: $key) {
      __typename ... on CreateTakeoverVideoSuccess { task { status } } ... on SubmissionOutcomeUnknownError { task { status } }
    }
  }
`;

let fixture: ServiceFixture;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fixture = await prepareServiceFixture('crash-tenant', 1_500);
  env = { ...fixture.env, SOFTSUGAR_TIMEOUT_MS: '5000', SUBMISSION_STALE_AFTER_MS: '1000' };
});
afterAll(() => fixture.cleanup());

const submit = (service: ServiceProcess, n: number) =>
  fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.apiKey}` },
    body: JSON.stringify({ query: MUTATION, variables: { videoName: `burst ${n}`, params: minimalSceneParams, key: `burst-${n}` } }),
  }).then(async (response) => (await response.json()).data.createTakeoverVideo as { __typename: string; task: { status: string } });

describe('crash safety', () => {
  it('after SIGKILL mid-burst, every recorded submission ends terminal or UNKNOWN, once, and is never resubmitted', async () => {
    const first = await startService(env);
    // Ten answered before the kill...
    const answered = await Promise.all(Array.from({ length: 10 }, (_, n) => submit(first, n)));
    // ...twenty in flight when it dies.
    const inFlight = Array.from({ length: 20 }, (_, n) => submit(first, 100 + n).catch(() => 'no answer' as const));
    while (fixture.simulator.calls.create < 30) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    expect(await first.exited()).toBeNull();
    expect((await Promise.all(inFlight)).every((result) => result === 'no answer')).toBe(true);

    // Past the stale threshold, a new process finds the abandoned records at start-up.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const second = await startService(env);
    try {
      const { db } = await openDatabase(fixture.databaseUrl);
      const rows = await db.task.findMany({ where: { ownerId: 'crash-tenant' } });
      await db.$disconnect();
      const byName = new Map<string, typeof rows>();
      for (const row of rows) byName.set(row.videoName, [...(byName.get(row.videoName) ?? []), row]);

      expect(rows).toHaveLength(30);
      expect([...byName.values()].every((records) => records.length === 1)).toBe(true);
      expect(rows.filter((row) => row.status === 'SUBMITTING')).toEqual([]);
      for (const [n, result] of answered.entries()) {
        expect(result.__typename).toBe('CreateTakeoverVideoSuccess');
        expect(byName.get(`burst ${n}`)![0]!.status).toBe('SUBMITTED');
      }
      const abandoned = rows.filter((row) => Number(row.videoName.split(' ')[1]) >= 100);
      expect(abandoned).toHaveLength(20);
      expect(abandoned.every((row) => row.status === 'UNKNOWN' && /stopped while submitting/.test(row.failureReason ?? ''))).toBe(true);

      // Nothing is resubmitted: not by the restart, and not by a client retrying with its key.
      const calls = fixture.simulator.calls.create;
      const retried = await submit(second, 105);
      expect(retried).toMatchObject({ __typename: 'SubmissionOutcomeUnknownError', task: { status: 'UNKNOWN' } });
      expect(fixture.simulator.calls.create).toBe(calls);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited();
    }
  });

  it('another instance with a shorter timeout waits for the deadline the submitting instance stored; a late answer still wins', async () => {
    const releases: (() => void)[] = [];
    const held = () => ({ kind: 'held' as const, until: new Promise<void>((resolve) => releases.push(resolve)) });
    fixture.simulator.injectFaults(held(), held());
    const calls = fixture.simulator.calls.create;
    // Slow calls: a 20 s timeout, so a deadline of 5 x 20 s + 10 s.
    const { SUBMISSION_STALE_AFTER_MS: _ownLimit, ...defaults } = env;
    const patient = await startService({ ...defaults, SOFTSUGAR_TIMEOUT_MS: '20000' });
    // An instance that declares its own calls abandoned after 300 ms.
    const hasty = await startService({ ...env, SOFTSUGAR_TIMEOUT_MS: '20000', SUBMISSION_STALE_AFTER_MS: '300' });
    const services = [patient, hasty];
    const { db } = await openDatabase(fixture.databaseUrl);
    try {
      const answers = [submit(patient, 900), submit(hasty, 901)];
      while (fixture.simulator.calls.create < calls + 2) await new Promise((resolve) => setTimeout(resolve, 20));
      const rowOf = (n: number) => db.task.findFirstOrThrow({ where: { videoName: `burst ${n}` }, include: { events: { orderBy: { id: 'asc' } } } });
      const hastyRow = await rowOf(901);
      while (Date.now() <= hastyRow.abandonAfter!.getTime()) await new Promise((resolve) => setTimeout(resolve, 20));

      // A third instance, with a far shorter timeout and stale limit of its own, recovers at start-up.
      const recoverer = await startService({ ...env, SOFTSUGAR_TIMEOUT_MS: '100', SUBMISSION_STALE_AFTER_MS: '200' });
      services.push(recoverer);
      expect((await rowOf(900)).status).toBe('SUBMITTING');
      expect((await rowOf(901)).status).toBe('UNKNOWN');

      for (const release of releases) release();
      expect((await Promise.all(answers)).map((answer) => answer.__typename)).toEqual(['CreateTakeoverVideoSuccess', 'CreateTakeoverVideoSuccess']);
      const transitions = async (n: number) => (await rowOf(n)).events.map((event) => `${event.toStatus} by ${event.source}`);
      expect(await transitions(900)).toEqual(['SUBMITTING by SUBMISSION', 'SUBMITTED by SUBMISSION']);
      expect(await transitions(901)).toEqual(['SUBMITTING by SUBMISSION', 'UNKNOWN by RECOVERY', 'SUBMITTED by SUBMISSION']);
      expect((await rowOf(901)).platformTaskId).toMatch(/^\d+$/);
    } finally {
      await db.$disconnect();
      for (const service of services) service.child.kill('SIGTERM');
      await Promise.all(services.map((service) => service.exited()));
    }
  });
});

