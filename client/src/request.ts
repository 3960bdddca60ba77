// A small fetch helper: send a typed document, get its typed data or a typed transport error.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { transportError, type GraphQLErrorEntry, type Result } from './transport-error.js';

/** A generated document (client/generated): its text, with its result and variable types. */
export type TypedDocument<Data, Variables> = DocumentTypeDecoration<Data, Variables> & { toString(): string };

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. "https://video.example.com/graphql". */
  url: string;
  /** An API key; sent as "Authorization: Bearer <key>". */
  apiKey?: string;
  /** Another fetch (tests, retries, a proxy). The global fetch by default. */
  fetch?: typeof fetch;
  /** Headers added to every request. */
  headers?: Record<string, string>;
}

export interface TakeoverClient {
  /**
   * Runs a query or mutation. `ok: true` carries the typed data (union results included: switch
   * on `__typename`); `ok: false` carries a typed TransportError. It never throws for an HTTP or
   * GraphQL failure.
   */
  request<Data, Variables>(document: TypedDocument<Data, Variables>, ...variables: VariablesArg<Variables>): Promise<Result<Data>>;
}

// Variables may be left out when the operation has none.
type VariablesArg<Variables> = Record<string, never> extends Variables ? [variables?: Variables] : [variables: Variables];

export function createClient(options: ClientOptions): TakeoverClient {
  const send = options.fetch ?? fetch;
  return {
    async request<Data, Variables>(document: TypedDocument<Data, Variables>, ...[variables]: VariablesArg<Variables>): Promise<Result<Data>> {
      let response: Response;
      try {
        response = await send(options.url, {
          method: 'POST',
          // JSON content type: the service refuses other content types as a CSRF guard.
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }),
            ...options.headers,
          },
          body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        });
      } catch (error) {
        return { ok: false, error: { kind: 'network', status: undefined, message: error instanceof Error ? error.message : String(error) }, requestId: undefined };
      }
      const requestId = response.headers.get('x-request-id') ?? undefined;
      let body: { data?: Data | null; errors?: GraphQLErrorEntry[] } | undefined;
      try {
        body = (await response.json()) as typeof body;
      } catch {
        body = undefined;
      }
      if (body?.data && !body.errors?.length) return { ok: true, data: body.data, requestId };
      return { ok: false, error: transportError(response.status, response.headers, body?.errors), requestId };
    },
  };
}
