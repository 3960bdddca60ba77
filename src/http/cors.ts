// Which web pages may call the API from a browser. Clients authenticate with a bearer token, not
// cookies, so no origin is ever allowed credentials. `*` allows every origin (the sandbox's
// default); an empty list allows none (the default elsewhere): browsers then refuse cross-origin
// calls, while other clients are unaffected.
import type { CORSOptions } from 'graphql-yoga';

export function corsPolicy(allowedOrigins: readonly string[]): (request: Request) => CORSOptions {
  const anyOrigin = allowedOrigins.includes('*');
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !(anyOrigin || allowedOrigins.includes(origin))) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    };
  };
}
