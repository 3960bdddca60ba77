// `npm run simulator`: the platform simulator on its own, for pointing a service (or anything
// else) at it: SOFTSUGAR_BASE_URL=<printed url> SOFTSUGAR_APP_ID=simulator SOFTSUGAR_APP_KEY=<SIMULATOR_APP_KEY>.
import { PlatformSimulator } from './simulator.js';

const simulator = await PlatformSimulator.start({
  appId: process.env.SIMULATOR_APP_ID ?? 'simulator',
  appKey: process.env.SIMULATOR_APP_KEY ?? 'simulator-key',
  port: Number(process.env.SIMULATOR_PORT ?? 0),
});
console.log(`platform simulator on ${simulator.url}`);
process.once('SIGTERM', () => void simulator.close().then(() => process.exit(0)));
process.once('SIGINT', () => void simulator.close().then(() => process.exit(0)));
