import { z } from 'zod';
import { containsText } from '../db/search.js';
import { tagSchema } from '../takeover/preset.js';
import { idSchema, searchSchema } from '../takeover/primitives.js';
import type { TakeoverParams as Params } from '../takeover/params.js';
import { variablesUsed } from '../takeover/variables.js';
import { renderScenePreview } from '../takeover/preview-svg.js';
import { ruleText } from '../takeover/rule-text.js';
import { sceneWarnings } from '../takeover/warnings.js';
import { builder } from './builder.js';
import { databaseId, MALFORMED_ID_RULE } from './global-id.js';
import { PREVIEW_URL_DESCRIPTION } from './preview-url.js';
import { resolveKeysetConnection } from './keyset-connection.js';
import { connectionArgsSchema } from './list-args.js';
import { SceneWarningRef } from './scene-warning.js';
import { TakeoverParams } from './outputs/takeover-params.js';

/** How tags come back, wherever they are read. */
export const TAG_ORDER = 'The tags, sorted by code point (not in the order given), each once.';

const parseParams = (json: string) => JSON.parse(json) as Params;

export const PresetVersion = builder.prismaObject('PresetVersion', {
  // Select mode: load only the columns the query asks for (params are kilobytes of JSON).
  select: { id: true },
  description: 'A preset as it was at one version. Every change to a preset makes a new version.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'This version: 1 for the first, one more for every change.' }),
    name: t.exposeString('name', { description: 'The name at this version.' }),
    description: t.exposeString('description', { description: 'The description at this version.' }),
    videoName: t.exposeString('videoName', { nullable: true, description: 'Video name template.' }),
    tags: t.stringList({ description: TAG_ORDER, select: { tags: true }, resolve: (v) => JSON.parse(v.tags) as string[] }),
    params: t.field({ type: TakeoverParams, description: 'The scene at this version.', select: { params: true }, resolve: (v) => parseParams(v.params) }),
    variables: t.stringList({
      description: 'The {{variables}} this version uses.',
      select: { params: true, videoName: true },
      resolve: (v) => variablesUsed(parseParams(v.params), v.videoName),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When this version was saved.' }),
  }),
});

export const Preset = builder.prismaNode('Preset', {
  id: { field: 'id' },
  // Select mode: load only the columns the query asks for (params are kilobytes of JSON).
  select: { id: true },
  description: 'A saved, validated scene to reuse: submit it with `createTakeoverVideo(preset: …)`.',
  findUnique: (id, ctx) => ({ id, ownerId: ctx.ownerId }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique per owner.' }),
    description: t.exposeString('description', { description: 'Free text for people.' }),
    tags: t.stringList({
      description: TAG_ORDER,
      select: { tags: { select: { tag: true }, orderBy: { tag: 'asc' } } },
      resolve: (preset) => preset.tags.map((t) => t.tag),
    }),
    videoName: t.exposeString('videoName', {
      nullable: true,
      description: 'Video name template used when a submission gives none; may contain {{variables}}.',
    }),
    version: t.exposeInt('version', { description: 'Starts at 1; every update adds one.' }),
    params: t.field({ type: TakeoverParams, description: 'The scene, placeholders as written.', select: { params: true }, resolve: (p) => parseParams(p.params) }),
    variables: t.stringList({
      description: 'The {{variables}} the scene and video name use, derived from the text fields; sorted.',
      select: { params: true, videoName: true },
      resolve: (p) => variablesUsed(parseParams(p.params), p.videoName),
    }),
    warnings: t.field({
      type: [SceneWarningRef],
      description: 'Legal but probably unintended things in the scene (placeholders counted as written).',
      select: { params: true },
      resolve: (p) => sceneWarnings(parseParams(p.params)),
    }),
    previewSvg: t.string({
      description: 'The scene drawn as SVG, placeholders as written.',
      args: { frame: t.arg.int({ description: 'Show which timed layers are visible at this frame (>= 0).' }) },
      select: { params: true },
      resolve: (p, { frame }) => renderScenePreview(parseParams(p.params), { frame: frame ?? undefined }),
    }),
    previewUrl: t.string({
      description: PREVIEW_URL_DESCRIPTION,
      args: { frame: t.arg.int({ description: 'Show which timed layers are visible at this frame (>= 0).' }) },
      resolve: (p, { frame }, ctx) => ctx.previewLinks.link({ kind: 'preset', id: p.id, ownerId: ctx.ownerId, frame: frame ?? undefined }, ctx.publicUrl),
    }),
    versions: t.relation('versions', {
      description: 'Every version, newest first.',
      query: { orderBy: { version: 'desc' } },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When version 1 was saved.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the current version was saved.' }),
  }),
});

// An empty tag filters nothing out, as an empty search does.
const presetListArgsSchema = connectionArgsSchema.extend({
  search: searchSchema.nullish(),
  tag: z.preprocess((tag) => (tag === '' ? null : tag), tagSchema.nullish()),
});

builder.queryFields((t) => ({
  preset: t.prismaField({
    type: 'Preset',
    nullable: true,
    description: 'One of your presets by id; null when no preset of yours has this id.',
    args: { id: t.arg.id({ required: true, description: `The preset's global id. ${ruleText(idSchema)} ${MALFORMED_ID_RULE}` }) },
    validate: { schema: z.object({ id: idSchema }) },
    resolve: (query, _root, { id }, ctx) => {
      const dbId = databaseId(String(id), 'Preset');
      return dbId ? ctx.db.preset.findFirst({ ...query, where: { id: dbId, ownerId: ctx.ownerId } }) : null;
    },
  }),
  presets: t.connection(
    {
      type: Preset,
      description: 'Your presets, newest first, optionally searched by name and filtered by tag.',
      args: {
        search: t.arg.string({
          description: `Part of the name, matched literally ("%" and "_" are not wildcards), case-insensitively. ${ruleText(searchSchema)}`,
        }),
        tag: t.arg.string({ description: `Only presets with this tag. ${ruleText(tagSchema)}` }),
      },
      validate: { schema: presetListArgsSchema },
      resolve: (_root, args, ctx, info) => resolveKeysetConnection('presets', presetFilter(ctx, args), args, ctx, info),
    },
    {
      description: 'A page of presets.',
      fields: (t) => ({ totalCount: t.int({ description: 'How many presets match, on every page.', resolve: (page) => page.totalCount() }) }),
    },
    { description: 'A preset in a page.' },
  ),
}));

function presetFilter(ctx: { ownerId: string; provider: 'sqlite' | 'postgresql' }, args: { search?: string | null; tag?: string | null }) {
  return {
    ownerId: ctx.ownerId,
    ...(args.search ? { name: containsText(ctx.provider, args.search) } : {}),
    ...(args.tag ? { tags: { some: { tag: args.tag } } } : {}),
  };
}
