// The real platform when credentials are configured, otherwise a local simulator.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { SoftSugarClient, type PlatformClient } from './client.js';
import { PlatformSimulator } from './simulator.js';

export interface SelectedPlatform {
  client: PlatformClient;
  baseUrl: string;
  description: string;
  close(): Promise<void>;
}

export async function selectPlatform(config: Config): Promise<SelectedPlatform> {
  if (config.platform) {
    const client = new SoftSugarClient({ ...config.platform, timeoutMs: config.platformTimeoutMs, timestampUnit: config.tokenTimestampUnit });
    const { baseUrl } = config.platform;
    return { client, baseUrl, description: `SoftSugar platform at ${baseUrl}`, close: () => client.close() };
  }
  const credentials = { appId: 'simulator', appKey: randomBytes(16).toString('hex') };
  const simulator = await PlatformSimulator.start(credentials);
  const client = new SoftSugarClient({
    ...credentials,
    baseUrl: simulator.url,
    timeoutMs: config.platformTimeoutMs,
    timestampUnit: config.tokenTimestampUnit,
  });
  return {
    client,
    baseUrl: simulator.url,
    description: `local platform simulator at ${simulator.url} (set SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY to use the real platform)`,
    close: async () => {
      await client.close();
      await simulator.close();
    },
  };
}
