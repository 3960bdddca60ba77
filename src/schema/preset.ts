import { z } from 'zod';
import {
  createPreset,
  deletePreset,
  duplicatePreset,
  PresetNameTaken,
  PresetVersionConflict,
  updatePreset,
} from '../db/presets.js';
import { containsText } from '../db/search.js';
import type { TakeoverParams as Params } from '../takeover/params.js';
import { newPresetSchema, PRESET_LIMITS, presetChangesSchema, presetFieldsSchema } from '../takeover/preset.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import { variablesUsed } from '../takeover/variables.js';
import { renderScenePreview } from '../takeover/preview-svg.js';
import { sceneWarnings } from '../takeover/warnings.js';
import { builder } from './builder.js';
import { SceneWarningRef } from './scene-warning.js';
import { ErrorInterface, NotFoundError, payloadNames } from './errors.js';
import { TakeoverParamsInput } from './inputs/takeover-params.js';
import { TakeoverParams } from './outputs/takeover-params.js';
import { decodePresetId } from './preset-id.js';

const parseParams = (json: string) => JSON.parse(json) as Params;

export const PresetVersion = builder.prismaObject('PresetVersion', {
  // Select mode: load only the columns the query asks for (params are kilobytes of JSON).
  select: { id: true },
  description: 'A preset as it was at one version. Every change to a preset makes a new version.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    videoName: t.exposeString('videoName', { nullable: true, description: 'Video name template.' }),
    tags: t.stringList({ select: { tags: true }, resolve: (v) => JSON.parse(v.tags) as string[] }),
    params: t.field({ type: TakeoverParams, select: { params: true }, resolve: (v) => parseParams(v.params) }),
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
    description: t.exposeString('description'),
    tags: t.stringList({
      select: { tags: { select: { tag: true }, orderBy: { tag: 'asc' } } },
      resolve: (preset) => preset.tags.map((t) => t.tag),
    }),
    videoName: t.exposeString('videoName', {
      nullable: true,
      description: 'Video name template used when a submission gives none; may contain {{variables}}.',
    }),
    version: t.exposeInt('version', { description: 'Starts at 1; every update adds one.' }),
    params: t.field({ type: TakeoverParams, select: { params: true }, resolve: (p) => parseParams(p.params) }),
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
      description: 'A signed link to the preview SVG, usable in an <img> tag without an API key; valid for an hour.',
      args: { frame: t.arg.int({ description: 'Show which timed layers are visible at this frame (>= 0).' }) },
      resolve: (p, { frame }, ctx) => ctx.previewLinks.link({ kind: 'preset', id: p.id, ownerId: ctx.ownerId, frame: frame ?? undefined }),
    }),
    versions: t.relation('versions', {
      description: 'Every version, newest first.',
      query: { orderBy: { version: 'desc' } },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.objectType(PresetNameTaken, {
  name: 'PresetNameTakenError',
  description: 'Another preset of yours already has this name.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ name: t.exposeString('presetName', { description: 'The name asked for.' }) }),
});

builder.objectType(PresetVersionConflict, {
  name: 'PresetVersionConflictError',
  description: 'The preset changed since you read it (`expectedVersion` did not match). Read it again and retry.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion') }),
});

const PresetPayloadErrors = [TakeoverValidationError, PresetNameTaken] as const;

const tagsDescription = `At most ${PRESET_LIMITS.maxTags} tags of 1..${PRESET_LIMITS.maxTagLength} letters, digits, spaces, "_", "." or "-".`;

const CreatePresetInput = builder.inputType('CreatePresetInput', {
  description: 'A new preset. Its params are validated exactly as a submission is.',
  fields: (t) => ({
    name: t.string({ required: true, description: `Unique per owner, 1..${PRESET_LIMITS.maxNameLength} characters.` }),
    description: t.string({ description: 'Free text. Default "".' }),
    tags: t.stringList({ description: tagsDescription }),
    videoName: t.string({ description: 'Video name template, may contain {{variables}}.' }),
    params: t.field({ type: TakeoverParamsInput, required: true, description: 'The scene; text fields may contain {{variables}}.' }),
  }),
});

const UpdatePresetInput = builder.inputType('UpdatePresetInput', {
  description: 'Changes to a preset; fields left out stay as they are. Saved as a new version.',
  fields: (t) => ({
    name: t.string({ description: 'New name, unique per owner.' }),
    description: t.string({ description: 'New description.' }),
    tags: t.stringList({ description: `Replaces the tags. ${tagsDescription}` }),
    videoName: t.string({ description: 'New video name template; null removes it.' }),
    params: t.field({ type: TakeoverParamsInput, description: 'Replaces the whole scene.' }),
  }),
});

builder.queryFields((t) => ({
  preset: t.prismaField({
    type: 'Preset',
    nullable: true,
    description: 'One of your presets by id.',
    args: { id: t.arg.globalID({ required: true, for: [Preset] }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.preset.findFirst({ ...query, where: { id: id.id, ownerId: ctx.ownerId } }),
  }),
  presets: t.prismaConnection(
    {
      type: 'Preset',
      cursor: 'id',
      description: 'Your presets, newest first, optionally searched by name and filtered by tag.',
      args: {
        search: t.arg.string({ description: 'Part of the name (case-insensitive).' }),
        tag: t.arg.string({ description: 'Only presets with this tag.' }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.preset.findMany({
          ...query,
          where: presetFilter(ctx, args),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: (_root, args, ctx) => ctx.db.preset.count({ where: presetFilter(ctx, args) }),
    },
    { description: 'A page of presets.' },
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

builder.mutationFields((t) => ({
  createPreset: t.field({
    type: Preset,
    description: 'Save a scene as a preset (version 1).',
    args: { input: t.arg({ type: CreatePresetInput, required: true }) },
    validate: { schema: z.object({ input: newPresetSchema }) },
    errors: { types: [...PresetPayloadErrors], dataField: { name: 'preset' }, ...payloadNames('CreatePreset', 'The preset was saved as version 1.') },
    resolve: (_root, args, ctx) => createPreset(ctx.db, ctx.ownerId, (args as unknown as { input: z.output<typeof newPresetSchema> }).input),
  }),
  updatePreset: t.field({
    type: Preset,
    description: 'Change a preset; the previous state stays in its version history.',
    args: {
      id: t.arg.id({ required: true, description: 'The preset.' }),
      expectedVersion: t.arg.int({ description: 'Fail with PresetVersionConflictError unless the preset is at this version.' }),
      input: t.arg({ type: UpdatePresetInput, required: true }),
    },
    validate: { schema: z.object({ id: z.string(), expectedVersion: z.number().int().nullish(), input: presetChangesSchema }) },
    errors: {
      types: [...PresetPayloadErrors, PresetVersionConflict, NotFoundError],
      dataField: { name: 'preset' },
      ...payloadNames('UpdatePreset', 'The preset was saved as a new version.'),
    },
    resolve: async (_root, args, ctx) => {
      const parsed = args as unknown as { id: string; expectedVersion?: number | null; input: z.output<typeof presetChangesSchema> };
      const preset = await updatePreset(ctx.db, ctx.ownerId, decodePresetId(parsed.id, 'id'), parsed.input, parsed.expectedVersion ?? undefined);
      return preset ?? NotFoundError.throw('preset');
    },
  }),
  duplicatePreset: t.field({
    type: Preset,
    description: 'Copy a preset under a new name, as version 1 of a new preset.',
    args: {
      id: t.arg.id({ required: true, description: 'The preset to copy.' }),
      name: t.arg.string({ required: true, description: 'Name of the copy.' }),
    },
    validate: { schema: z.object({ id: z.string(), name: presetFieldsSchema.name }) },
    errors: {
      types: [...PresetPayloadErrors, NotFoundError],
      dataField: { name: 'preset' },
      ...payloadNames('DuplicatePreset', 'The copy was saved.'),
    },
    resolve: async (_root, { id, name }, ctx) =>
      (await duplicatePreset(ctx.db, ctx.ownerId, decodePresetId(id, 'id'), name.trim())) ?? NotFoundError.throw('preset'),
  }),
  deletePreset: t.field({
    type: 'ID',
    description: 'Delete a preset and its history. Tasks made from it keep their params and its version number.',
    args: { id: t.arg.id({ required: true, description: 'The preset.' }) },
    errors: {
      types: [TakeoverValidationError, NotFoundError],
      dataField: { name: 'deletedId' },
      ...payloadNames('DeletePreset', 'The preset and its history are gone.'),
    },
    resolve: async (_root, { id }, ctx) =>
      (await deletePreset(ctx.db, ctx.ownerId, decodePresetId(id, 'id'))) ? id : NotFoundError.throw('preset'),
  }),
}));
