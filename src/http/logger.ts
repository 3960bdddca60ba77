// Structured JSON logs (pino). Anything that might carry a secret is redacted by path.
import { pino, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';

export type { Logger };

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['*.authorization', '*.appKey', '*.apiKey', '*.accessToken', '*.refreshToken'], censor: '[redacted]' },
    },
    destination as pino.DestinationStream | undefined,
  );
}

/** yoga's logger interface on top of pino. */
export function yogaLogger(logger: Logger): YogaLogger {
  const forward = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const [first, ...rest] = args;
    if (first instanceof Error) logger[level]({ err: first }, rest.map(String).join(' '));
    else logger[level](args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
