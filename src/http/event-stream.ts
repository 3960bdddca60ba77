// Subscriptions answer as server-sent events. Proxies that buffer responses (nginx does by
// default) would hold the events back: `X-Accel-Buffering: no` asks nginx not to, for these
// responses only. Other proxies need their buffering turned off in their own configuration.
import type { Plugin } from 'graphql-yoga';

export function useUnbufferedEventStreams(): Plugin {
  return {
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/event-stream')) response.headers.set('x-accel-buffering', 'no');
    },
  };
}
