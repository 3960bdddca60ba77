// `GET /`: a browser (it asks for text/html) goes to GraphiQL when the service offers it; anything
// else gets a short JSON description of the endpoints, so a first curl shows where to go.
import type { Plugin } from 'graphql-yoga';
import { publicBaseUrl } from './public-origin.js';

export interface RootRouteOptions {
  graphqlEndpoint: string;
  graphiql: boolean;
  trustProxyHops: number;
  publicUrl: string | undefined;
}

export function useRootRoute({ graphqlEndpoint, graphiql, trustProxyHops, publicUrl }: RootRouteOptions): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const base = publicBaseUrl(request, trustProxyHops, publicUrl);
      if (graphiql && (request.headers.get('accept') ?? '').includes('text/html')) {
        endResponse(new Response(null, { status: 302, headers: { location: `${base}${graphqlEndpoint}` } }));
        return;
      }
      const body = {
        service: 'Takeover video API (GraphQL)',
        graphql: {
          url: `${base}${graphqlEndpoint}`,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer <API key>' },
          ...(graphiql && { graphiql: `open ${base}${graphqlEndpoint} in a browser` }),
        },
        health: `${base}/health`,
        ready: `${base}/ready`,
        metrics: `${base}/metrics`,
        previews: `${base}/preview/… (signed links from previewUrl fields; no API key)`,
      };
      endResponse(new Response(JSON.stringify(body, null, 2), { status: 200, headers: { 'content-type': 'application/json' } }));
    },
  };
}
