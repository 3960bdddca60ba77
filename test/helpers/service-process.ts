// Runs the service as a real process, the way `npm start` does (from source, or built: see built-service.ts).
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Waits for the process to exit; resolves with its exit code (null when killed by a signal). */
  exited(): Promise<number | null>;
}

/** Runs src/main.ts from source, or (with `args`) whatever Node is told to run, e.g. the built service. */
export function startService(env: NodeJS.ProcessEnv, args = ['--import', 'tsx', 'src/main.ts']): Promise<ServiceProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const match = /on (http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, output: () => output, exited: () => exit });
      }
    });
    void exit.then((code) => reject(new Error(`service exited (${code}) before listening:\n${output}`)));
  });
}
