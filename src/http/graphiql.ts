// GraphiQL as a small page that links its assets, instead of @graphql-yoga/render-graphiql's page
// with 9 MB of script inlined into every response. The assets (the package's script, style, editor
// workers and icon) are served under content-hashed names, cacheable for a year, brotli- or
// gzip-compressed: a first visit downloads about 2.5 MB, later ones only the page.
//
// The package holds its assets as 9 MB of string literals: loading it costs this process about
// 50 MB (the source, the literals, V8's parse), for good. A short-lived child process loads it
// instead, gzips each asset once, and hands back the bytes; this process keeps only those (about
// 2.5 MB, outside the JavaScript heap). Every browser accepts gzip; the rare client that does not
// gets the asset inflated as it streams out, so no request holds a 9 MB copy.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

export const GRAPHIQL_ASSET_PATH = '/graphiql/';

interface Asset {
  path: string;
  contentType: string;
  hash: string;
  gzip: Buffer;
  /** The uncompressed length. */
  size: number;
}

/** Run by `node -e` with the package's CommonJS build as argument: writes a JSON header line, then the bytes. */
const EXTRACT = `
const zlib = require('node:zlib');
const bundle = require(process.argv[1]);
const js = 'text/javascript; charset=utf-8';
const [, iconType, iconData] = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon);
const items = [
  ['favicon', 'ico', iconType, Buffer.from(iconData, 'base64')],
  ['graphiql', 'css', 'text/css; charset=utf-8', bundle.css],
  ['editor-worker', 'js', js, bundle.editorWorkerService],
  ['json-worker', 'js', js, bundle.jsonWorker],
  ['graphql-worker', 'js', js, bundle.graphqlWorker],
  ['graphiql', 'js', js, bundle.js],
];
const header = [];
const chunks = [];
for (const [name, extension, contentType, content] of items) {
  const identity = Buffer.from(content);
  const gzip = zlib.gzipSync(identity, { level: 9 });
  const hash = require('node:crypto').createHash('sha256').update(identity).digest('hex').slice(0, 16);
  header.push({ name, extension, contentType, hash, size: identity.length, gzipSize: gzip.length });
  chunks.push(gzip);
}
process.stdout.write(JSON.stringify(header) + '\\n');
for (const chunk of chunks) process.stdout.write(chunk);
`;

interface Extracted {
  name: string;
  extension: string;
  contentType: string;
  hash: string;
  size: number;
  gzipSize: number;
}

function extract(): Promise<Asset[]> {
  const modulePath = createRequire(import.meta.url).resolve('@graphql-yoga/render-graphiql/graphiql');
  const child = spawn(process.execPath, ['-e', EXTRACT, modulePath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`could not prepare GraphiQL's assets (exit ${code}): ${errors.slice(0, 500)}`));
      const all = Buffer.concat(out);
      const newline = all.indexOf(10);
      const header = JSON.parse(all.subarray(0, newline).toString()) as Extracted[];
      let offset = newline + 1;
      const take = (size: number) => all.subarray(offset, (offset += size));
      resolve(
        // Copied out of the one big buffer, so it can be collected.
        header.map(({ name, extension, contentType, hash, size, gzipSize }) => ({
          path: `${GRAPHIQL_ASSET_PATH}${name}-${hash}.${extension}`,
          contentType,
          hash,
          size,
          gzip: Buffer.from(take(gzipSize)),
        })),
      );
    });
  });
}

const acceptsGzip = (acceptEncoding: string | null) => /\bgzip\b(?!;q=0(\.0*)?\b)/.test((acceptEncoding ?? '').toLowerCase());

/** The asset inflated while it is sent, chunk by chunk. */
const inflated = (gzip: Buffer) => Readable.toWeb(Readable.from([gzip]).pipe(createGunzip())) as ReadableStream<Uint8Array>;

/** JSON that can sit inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export class GraphiQLAssets {
  private readonly byPath: Map<string, Asset>;

  private constructor(private readonly assets: Asset[]) {
    this.byPath = new Map(assets.map((item) => [item.path, item]));
  }

  /** Prepares the assets (in a child process: a second or two). */
  static async load(): Promise<GraphiQLAssets> {
    return new GraphiQLAssets(await extract());
  }

  private pathOf(name: string, extension: string): string {
    return this.assets.find((item) => item.path.startsWith(`${GRAPHIQL_ASSET_PATH}${name}-`) && item.path.endsWith(`.${extension}`))!.path;
  }

  /** The page: links to the assets, and the options inline. */
  render = (options: GraphiQLOptions): string => {
    const workers = { editorWorkerService: this.pathOf('editor-worker', 'js'), json: this.pathOf('json-worker', 'js'), graphql: this.pathOf('graphql-worker', 'js') };
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${this.pathOf('favicon', 'ico')}" />
    <link rel="stylesheet" href="${this.pathOf('graphiql', 'css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self['MonacoEnvironment'] = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
    </script>
    <script src="${this.pathOf('graphiql', 'js')}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
  };

  /** Answers GET requests for the assets, without an API key, from memory. */
  plugin(): Plugin {
    const { byPath } = this;
    return {
      onRequest({ request, url, endResponse }) {
        if (!url.pathname.startsWith(GRAPHIQL_ASSET_PATH)) return;
        const item = request.method === 'GET' || request.method === 'HEAD' ? byPath.get(url.pathname) : undefined;
        if (!item) return endResponse(new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain' } }));
        const encoding = acceptsGzip(request.headers.get('accept-encoding')) ? 'gzip' : 'identity';
        const etag = `"${item.hash}-${encoding}"`;
        const headers: Record<string, string> = {
          'content-type': item.contentType,
          'cache-control': 'public, max-age=31536000, immutable',
          vary: 'accept-encoding',
          etag,
          'x-content-type-options': 'nosniff',
        };
        if (request.headers.get('if-none-match') === etag) return endResponse(new Response(null, { status: 304, headers }));
        if (encoding === 'gzip') headers['content-encoding'] = 'gzip';
        headers['content-length'] = String(encoding === 'gzip' ? item.gzip.length : item.size);
        if (request.method === 'HEAD') return endResponse(new Response(null, { headers }));
        endResponse(new Response(encoding === 'gzip' ? (item.gzip as Uint8Array<ArrayBuffer>) : inflated(item.gzip), { headers }));
      },
    };
  }
}
