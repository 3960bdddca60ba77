// The real platform when credentials are configured, otherwise a local simulator.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { SoftSugarClient, type PlatformClient } from './client.js';
import { PlatformSimulator } from './simulator.js';
import { SIMULATOR_TASK_QUERY_PATH } from './task-status.js';

export interface SelectedPlatform {
  client: PlatformClient;
  baseUrl: string;
  description: string;
  /** The status-query path, for tenants' own clients too; undefined: no status queries. */
  taskQueryPath: string | undefined;
  close(): Promise<void>;
}

/** `callbackUrl`: where the sandbox simulator posts status changes (the real platform's is an account setting). */
export async function selectPlatform(config: Config, callbackUrl?: string): Promise<SelectedPlatform> {
  if (config.platform) {
    const { taskQueryPath } = config;
    const client = new SoftSugarClient({ ...config.platform, timeoutMs: config.platformTimeoutMs, timestampUnit: config.tokenTimestampUnit, taskQueryPath });
    const { baseUrl } = config.platform;
    return { client, baseUrl, taskQueryPath, description: `SoftSugar platform at ${baseUrl}`, close: () => client.close() };
  }
  const credentials = { appId: 'simulator', appKey: randomBytes(16).toString('hex') };
  const simulator = await PlatformSimulator.start({ ...credentials, renderMs: config.simulatorRenderMs, ...(callbackUrl && { callbackUrl }) });
  const client = new SoftSugarClient({
    ...credentials,
    taskQueryPath: SIMULATOR_TASK_QUERY_PATH,
    baseUrl: simulator.url,
    timeoutMs: config.platformTimeoutMs,
    timestampUnit: config.tokenTimestampUnit,
  });
  return {
    client,
    baseUrl: simulator.url,
    taskQueryPath: SIMULATOR_TASK_QUERY_PATH,
    description: `local platform simulator at ${simulator.url} (set SOFTSUGAR_APP_ID and SOFTSUGAR_APP_KEY to use the real platform)`,
    close: async () => {
      await client.close();
      await simulator.close();
    },
  };
}
