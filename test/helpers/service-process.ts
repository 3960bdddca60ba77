// Runs the service as a real process, the way `npm start` does (from source, or built: see built-service.ts).
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Waits for the process to exit; resolves with its exit code (null when killed by a signal). */
  exited(): Promise<number | null>;
}

/** How a start ended: serving, or exited first (with its code and everything it printed). */
export type StartOutcome = { serving: ServiceProcess } | { exitCode: number | null; output: string };

/** Runs src/main.ts from source, or (with `args`) whatever Node is told to run, e.g. the built service. */
export function runService(
  env: NodeJS.ProcessEnv,
  ready: RegExp = /on (http:\/\/\S+\/graphql)/,
  args = ['--import', 'tsx', 'src/main.ts'],
): Promise<StartOutcome> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service neither served nor exited:\n${output}`));
    }, 30_000);
    child.stdout!.on('data', () => {
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ serving: { url: match[1]!, child, output: () => output, exited: () => exit } });
      }
    });
    void exit.then((exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    });
  });
}

export async function startService(env: NodeJS.ProcessEnv, args?: string[]): Promise<ServiceProcess> {
  const outcome = await runService(env, undefined, args);
  if ('serving' in outcome) return outcome.serving;
  throw new Error(`service exited (${outcome.exitCode}) before listening:\n${outcome.output}`);
}
