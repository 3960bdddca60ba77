// `npm run simulator`: the platform simulator on its own, for pointing a service (or anything
// else) at it: SOFTSUGAR_BASE_URL=<printed url> SOFTSUGAR_APP_ID=simulator SOFTSUGAR_APP_KEY=<SIMULATOR_APP_KEY>.
// SIMULATOR_CREATE_LATENCY_MS slows every create answer down. On SIGTERM or SIGINT it prints how
// many tasks it created, for scripts that count platform calls (the deployment test).
import { PlatformSimulator } from './simulator.js';

const simulator = await PlatformSimulator.start({
  appId: process.env.SIMULATOR_APP_ID ?? 'simulator',
  appKey: process.env.SIMULATOR_APP_KEY ?? 'simulator-key',
  port: Number(process.env.SIMULATOR_PORT ?? 0),
  createLatencyMs: Number(process.env.SIMULATOR_CREATE_LATENCY_MS ?? 0),
});
console.log(`platform simulator on ${simulator.url}`);

async function stop() {
  await simulator.close();
  console.log(`platform simulator stopped: ${simulator.tasks.length} tasks created, ${simulator.calls.create} create calls`);
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
