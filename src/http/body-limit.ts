// Refuses request bodies over the limit before reading them. A POST must say how long it is
// (fetch and browsers always do), so a chunked body cannot slip past the limit.
import type { Plugin } from 'graphql-yoga';

const refuse = (status: number, message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'LENGTH_REQUIRED' } }] }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length === null) return endResponse(refuse(411, 'A Content-Length header is required.'));
      if (Number(length) > maxBytes) return endResponse(refuse(413, `The request body is larger than ${maxBytes} bytes.`));
    },
  };
}
