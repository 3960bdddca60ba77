// `npm run simulator`: the platform simulator on its own, for pointing a service (or anything
// else) at it: SOFTSUGAR_BASE_URL=<printed url> SOFTSUGAR_APP_ID=simulator SOFTSUGAR_APP_KEY=<SIMULATOR_APP_KEY>.
// SIMULATOR_CREATE_LATENCY_MS slows every create answer down; SIMULATOR_RENDER_MS is how long a
// task renders (3000); SIMULATOR_CALLBACK_URL is where status changes are posted (e.g.
// http://127.0.0.1:4000/platform/callback/<PLATFORM_CALLBACK_SECRET>). Status queries answer on
// the path printed below (set it as SOFTSUGAR_TASK_QUERY_PATH). On SIGTERM or SIGINT it prints how
// many tasks it created, for scripts that count platform calls (the deployment test).
import { PlatformSimulator } from './simulator.js';
import { SIMULATOR_TASK_QUERY_PATH } from './task-status.js';

const simulator = await PlatformSimulator.start({
  appId: process.env.SIMULATOR_APP_ID ?? 'simulator',
  appKey: process.env.SIMULATOR_APP_KEY ?? 'simulator-key',
  port: Number(process.env.SIMULATOR_PORT ?? 0),
  createLatencyMs: Number(process.env.SIMULATOR_CREATE_LATENCY_MS ?? 0),
  renderMs: Number(process.env.SIMULATOR_RENDER_MS ?? 3_000),
  ...(process.env.SIMULATOR_CALLBACK_URL ? { callbackUrl: process.env.SIMULATOR_CALLBACK_URL } : {}),
});
console.log(`platform simulator on ${simulator.url} (status queries: ${SIMULATOR_TASK_QUERY_PATH})`);

async function stop() {
  await simulator.close();
  console.log(`platform simulator stopped: ${simulator.tasks.length} tasks created, ${simulator.calls.create} create calls, ${simulator.calls.query} status queries`);
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
