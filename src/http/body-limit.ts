// Refuses request bodies over the limit before reading them. A POST must say how long it is
// (fetch and browsers always do), so a chunked body cannot slip past the limit; Node's HTTP parser
// then delivers no more than that length. The only body limit: yoga's is off (see app.ts).
import type { Plugin } from 'graphql-yoga';

const CODES: Record<number, string> = { 400: 'BAD_REQUEST', 411: 'LENGTH_REQUIRED', 413: 'PAYLOAD_TOO_LARGE' };

const refuse = (status: number, message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code: CODES[status] } }] }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length === null) return endResponse(refuse(411, 'A Content-Length header is required.'));
      if (!/^\d{1,15}$/.test(length)) return endResponse(refuse(400, 'The Content-Length header is not a length.'));
      if (Number(length) > maxBytes) return endResponse(refuse(413, `The request body is larger than ${maxBytes} bytes.`));
    },
  };
}
