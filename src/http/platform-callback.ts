// POST /platform/callback/<secret>: the platform's account-level callback. Needs no API key: the
// secret in the path is its credential (the platform's own signature is not public), compared in
// constant time. A wrong secret gets 404 after one hash and nothing is stored. With the right
// secret every payload is kept and answered 2xx unless the database fails (then 503, so the
// platform sends it again): a payload we cannot read or match is the platform's problem to
// resend, never a reason for 5xx.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { CALLBACK_BODY_LIMIT, type CallbackReceiver, type ReceivedBody } from '../lifecycle/callback-receiver.js';
import type { Logger } from './logger.js';
import { requestIdOf } from './request-id.js';

export const CALLBACK_PATH_PREFIX = '/platform/callback/';

const digest = (text: string) => createHash('sha256').update(text).digest();
const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain' } });

export function usePlatformCallback(secret: string | undefined, receiver: CallbackReceiver, logger: Logger): Plugin {
  const expected = secret ? digest(secret) : undefined;
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(CALLBACK_PATH_PREFIX)) return;
      const given = url.pathname.slice(CALLBACK_PATH_PREFIX.length);
      if (!expected || !timingSafeEqual(digest(given), expected)) return endResponse(text('Not found.', 404));
      if (request.method !== 'POST') return endResponse(new Response('Only POST.', { status: 405, headers: { allow: 'POST' } }));
      try {
        const result = await receiver.receive(await readBounded(request, CALLBACK_BODY_LIMIT));
        endResponse(Response.json({ received: true, result }, { status: 200 }));
      } catch (error) {
        logger.error({ err: error, requestId: requestIdOf(request) }, 'platform callback not stored');
        endResponse(text('Not stored; send it again later.', 503));
      }
    },
  };
}

/** The body's first `limit` bytes (as text), reading no further. */
async function readBounded(request: Request, limit: number): Promise<ReceivedBody> {
  const reader = request.body?.getReader();
  if (!reader) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > limit) {
      truncated = true;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  const bytes = Buffer.concat(chunks).subarray(0, limit);
  return { text: bytes.toString('utf8'), truncated };
}
