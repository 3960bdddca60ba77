// GET /preview/{task|preset}/<id>.svg?…: the scene preview behind a signed link.
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/client.js';
import type { TakeoverParams } from '../takeover/params.js';
import { renderScenePreview } from '../takeover/preview-svg.js';
import type { PreviewLinks } from './preview-links.js';

const notFound = () => new Response('Not found, or the link has expired.', { status: 404, headers: { 'content-type': 'text/plain' } });

export function usePreviewEndpoint(db: Db, links: PreviewLinks): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith('/preview/')) return;
      const target = request.method === 'GET' ? links.verify(url) : undefined;
      if (!target) return endResponse(notFound());
      const where = { id: target.id, ownerId: target.ownerId };
      const row = target.kind === 'task'
        ? await db.task.findFirst({ where, select: { params: true } })
        : await db.preset.findFirst({ where, select: { params: true } });
      if (!row) return endResponse(notFound());
      const svg = renderScenePreview(JSON.parse(row.params) as TakeoverParams, { frame: target.frame });
      endResponse(new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, max-age=300', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } }));
    },
  };
}
