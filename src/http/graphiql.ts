// GraphiQL as a small page that links its assets, instead of @graphql-yoga/render-graphiql's
// page with 9 MB of script inlined into every response. The assets (the package's own script,
// style, editor workers and icon) are served under content-hashed names, cacheable for a year,
// brotli- or gzip-compressed once on first request (in zlib's thread pool) and then served
// from memory: a page load is a few kilobytes, and about 2 MB compressed the first time.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/** What `@graphql-yoga/render-graphiql/graphiql` exports. */
export interface GraphiQLBundle {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

export const GRAPHIQL_ASSET_PATH = '/graphiql/';

type Encoding = 'br' | 'gzip' | 'identity';

interface Asset {
  path: string;
  contentType: string;
  body: Buffer;
  hash: string;
  compressed?: Promise<{ br: Buffer; gzip: Buffer }>;
}

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

function asset(name: string, extension: string, contentType: string, body: Buffer): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { path: `${GRAPHIQL_ASSET_PATH}${name}-${hash}.${extension}`, contentType, body, hash };
}

function compressed(item: Asset) {
  item.compressed ??= Promise.all([
    compressBrotli(item.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: item.body.length } }),
    compressGzip(item.body, { level: 9 }),
  ]).then(([br, gz]) => ({ br, gzip: gz }));
  return item.compressed;
}

function preferredEncoding(acceptEncoding: string | null): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b(?!;q=0(\.0*)?\b)/.test(accepted)) return 'br';
  if (/\bgzip\b(?!;q=0(\.0*)?\b)/.test(accepted)) return 'gzip';
  return 'identity';
}

/** JSON that can sit inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export class GraphiQLAssets {
  private readonly script: Asset;
  private readonly style: Asset;
  private readonly icon: Asset;
  private readonly workers: Record<'editorWorkerService' | 'json' | 'graphql', Asset>;
  private readonly byPath: Map<string, Asset>;

  constructor(bundle: GraphiQLBundle) {
    const js = 'text/javascript; charset=utf-8';
    this.script = asset('graphiql', 'js', js, Buffer.from(bundle.js));
    this.style = asset('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(bundle.css));
    const [iconType = 'image/x-icon', iconData = ''] = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon)?.slice(1) ?? [];
    this.icon = asset('favicon', 'ico', iconType, Buffer.from(iconData, 'base64'));
    this.workers = {
      editorWorkerService: asset('editor-worker', 'js', js, Buffer.from(bundle.editorWorkerService)),
      json: asset('json-worker', 'js', js, Buffer.from(bundle.jsonWorker)),
      graphql: asset('graphql-worker', 'js', js, Buffer.from(bundle.graphqlWorker)),
    };
    this.byPath = new Map([this.script, this.style, this.icon, ...Object.values(this.workers)].map((item) => [item.path, item]));
  }

  /** The page: links to the assets, and the options inline. */
  render = (options: GraphiQLOptions): string => {
    const workerUrls = Object.fromEntries(Object.entries(this.workers).map(([label, item]) => [label, item.path]));
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${this.icon.path}" />
    <link rel="stylesheet" href="${this.style.path}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workerUrls)};
      self['MonacoEnvironment'] = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
    </script>
    <script src="${this.script.path}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
  };

  /** Answers GET requests for the assets, without an API key. */
  plugin(): Plugin {
    const { byPath } = this;
    return {
      async onRequest({ request, url, endResponse }) {
        if (!url.pathname.startsWith(GRAPHIQL_ASSET_PATH)) return;
        const item = request.method === 'GET' || request.method === 'HEAD' ? byPath.get(url.pathname) : undefined;
        if (!item) return endResponse(new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain' } }));
        const encoding = preferredEncoding(request.headers.get('accept-encoding'));
        const etag = `"${item.hash}-${encoding}"`;
        const headers: Record<string, string> = {
          'content-type': item.contentType,
          'cache-control': 'public, max-age=31536000, immutable',
          vary: 'accept-encoding',
          etag,
          'x-content-type-options': 'nosniff',
        };
        if (request.headers.get('if-none-match') === etag) return endResponse(new Response(null, { status: 304, headers }));
        if (encoding !== 'identity') headers['content-encoding'] = encoding;
        const body = encoding === 'identity' ? item.body : (await compressed(item))[encoding];
        endResponse(new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { headers: { ...headers, 'content-length': String(body.length) } }));
      },
    };
  }
}
