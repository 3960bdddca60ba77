// The HTTP server around the app: Node's timeouts for slow clients, and a last line of defence for
// errors no plugin caught. @whatwg-node's own listener answers those with the error's stack trace;
// this one logs the error with the request id and answers a plain 500 carrying that id.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';
import type { HttpSettings } from '../config.js';
import type { Logger } from './logger.js';
import { requestIdFor } from './request-id.js';

/** What the server needs of the app (a yoga instance). */
export interface NodeHandler {
  handleNodeRequestAndResponse(req: IncomingMessage, res: ServerResponse, context: Record<string, unknown>): Response | Promise<Response>;
}

const internalError = (requestId: string) =>
  new Response(JSON.stringify({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] }), {
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
  });

export function createHttpServer(app: NodeHandler, logger: Logger, { headersTimeoutMs, requestTimeoutMs }: HttpSettings): Server {
  return createServer(
    {
      // Time to send the headers, and the whole request (a body trickling in is cut at requestTimeoutMs
      // with 408). Node checks both every connectionsCheckingInterval.
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    (req, res) => {
      const requestId = requestIdFor(req.headers['x-request-id'] as string | undefined);
      void Promise.resolve()
        .then(() => app.handleNodeRequestAndResponse(req, res, { req, res, requestId }))
        .catch((error: unknown) => {
          logger.error({ err: error, requestId, method: req.method, path: req.url?.split('?')[0] }, 'unexpected error');
          return internalError(requestId);
        })
        .then((response) => sendNodeResponse(response, res, req, true))
        .catch((error: unknown) => {
          logger.error({ err: error, requestId }, 'could not send the response');
          res.destroy();
        });
    },
  );
}
