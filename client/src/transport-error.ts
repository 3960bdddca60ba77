// What can go wrong between a client and the service, as values a frontend can switch on. Expected
// failures of an operation (ValidationError, NotFoundError, …) are not here: they are members of
// the operation's result union, in `data`.

/** One GraphQL error of a response, as the service sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; requestId?: string; issues?: { path: string; message: string }[]; [key: string]: unknown };
}

export type TransportError =
  /** No API key, or not a valid one (HTTP 401). */
  | { kind: 'unauthenticated'; status: 401; message: string }
  /** The request body is larger than the service accepts (HTTP 413). */
  | { kind: 'payload-too-large'; status: 413; message: string }
  /** Too many requests: wait `retryAfterSeconds` (from Retry-After) and try again (HTTP 429). */
  | { kind: 'rate-limited'; status: 429; message: string; retryAfterSeconds: number }
  /** Arguments the service refused before running the operation (code BAD_USER_INPUT), with every issue. */
  | { kind: 'bad-input'; status: number; message: string; issues: { path: string; message: string }[] }
  /** An unexpected error on the service: quote `requestId` when you report it. */
  | { kind: 'internal'; status: number; message: string; requestId: string | undefined }
  /** Any other GraphQL error (e.g. a query the service refuses: too deep, too costly, a CSRF refusal). */
  | { kind: 'graphql'; status: number; message: string; errors: GraphQLErrorEntry[] }
  /** The service could not be reached, or answered something that is not GraphQL JSON. */
  | { kind: 'network'; status: number | undefined; message: string };

export type Result<Data> = { ok: true; data: Data; requestId: string | undefined } | { ok: false; error: TransportError; requestId: string | undefined };

const retryAfter = (header: string | null): number => {
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = header ? Date.parse(header) : NaN;
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : 1;
};

/** The typed error for a response whose body had no usable data. */
export function transportError(status: number, headers: Headers, errors: GraphQLErrorEntry[] | undefined): TransportError {
  const first = errors?.[0];
  const message = first?.message ?? `HTTP ${status}`;
  const code = first?.extensions?.code;
  if (status === 401 || code === 'UNAUTHENTICATED') return { kind: 'unauthenticated', status: 401, message };
  if (status === 413 || code === 'PAYLOAD_TOO_LARGE') return { kind: 'payload-too-large', status: 413, message };
  if (status === 429 || code === 'RATE_LIMITED') {
    const fromBody = first?.extensions?.retryAfterSeconds;
    return { kind: 'rate-limited', status: 429, message, retryAfterSeconds: typeof fromBody === 'number' ? fromBody : retryAfter(headers.get('retry-after')) };
  }
  if (code === 'BAD_USER_INPUT') return { kind: 'bad-input', status, message, issues: first?.extensions?.issues ?? [] };
  if (code === 'INTERNAL_SERVER_ERROR') return { kind: 'internal', status, message, requestId: first?.extensions?.requestId ?? headers.get('x-request-id') ?? undefined };
  if (errors?.length) return { kind: 'graphql', status, message, errors };
  return { kind: 'network', status, message };
}
