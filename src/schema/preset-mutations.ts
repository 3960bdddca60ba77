// Preset mutations: create, update (as a new version), duplicate, delete.
import { z } from 'zod';
import {
  createPreset,
  deletePreset,
  duplicatePreset,
  PresetNameTaken,
  PresetVersionConflict,
  updatePreset,
} from '../db/presets.js';
import { newPresetSchema, presetChangesSchema, presetFieldsSchema } from '../takeover/preset.js';
import { fieldDocs, ruleText } from '../takeover/rule-text.js';
import { idSchema } from '../takeover/primitives.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import { builder } from './builder.js';
import { ErrorInterface, NotFoundError, payloadNames } from './errors.js';
import { TakeoverParamsInput } from './inputs/takeover-params.js';
import { Preset } from './preset.js';
import { MALFORMED_ID_RULE, presetDbId } from './global-id.js';

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
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion', { description: 'The version the preset is at now.' }) }),
});

const PresetPayloadErrors = [TakeoverValidationError, PresetNameTaken] as const;

const ID_RULES = `${ruleText(idSchema)} ${MALFORMED_ID_RULE}`;
const expectedVersionSchema = z.number().int();

const f = fieldDocs(presetFieldsSchema, {
  name: 'Unique per owner.',
  description: 'Free text for people.',
  tags: `Tags to find it by. Duplicates are dropped and the tags are stored sorted (by code point).`,
  videoName: 'Video name template used when a submission gives none; may contain {{variables}}.',
  params: 'The scene; text fields may contain {{variables}}.',
});

const CreatePresetInput = builder.inputType('CreatePresetInput', {
  description: 'A new preset. Its params are validated exactly as a submission is.',
  fields: (t) => ({
    name: t.string({ required: true, description: f.name }),
    description: t.string({ description: `${f.description} Default "".` }),
    tags: t.stringList({ description: `${f.tags} Default none.` }),
    videoName: t.string({ description: f.videoName }),
    params: t.field({ type: TakeoverParamsInput, required: true, description: f.params }),
  }),
});

const UpdatePresetInput = builder.inputType('UpdatePresetInput', {
  description: 'Changes to a preset; fields left out stay as they are. Saved as a new version.',
  fields: (t) => ({
    name: t.string({ description: `New name. ${f.name}` }),
    description: t.string({ description: `New description. ${f.description}` }),
    tags: t.stringList({ description: `Replaces the tags. ${f.tags}` }),
    videoName: t.string({ description: `New video name template; null removes it. ${f.videoName}` }),
    params: t.field({ type: TakeoverParamsInput, description: `Replaces the whole scene. ${f.params}` }),
  }),
});

builder.mutationFields((t) => ({
  createPreset: t.field({
    type: Preset,
    description: 'Save a scene as a preset (version 1).',
    args: { input: t.arg({ type: CreatePresetInput, required: true, description: 'The new preset.' }) },
    validate: { schema: z.object({ input: newPresetSchema }) },
    errors: { types: [...PresetPayloadErrors], dataField: { name: 'preset', description: 'The preset as saved.' }, ...payloadNames('CreatePreset', 'The preset was saved as version 1.') },
    resolve: (_root, args, ctx) => createPreset(ctx.db, ctx.ownerId, (args as unknown as { input: z.output<typeof newPresetSchema> }).input),
  }),
  updatePreset: t.field({
    type: Preset,
    description: 'Change a preset; the previous state stays in its version history.',
    args: {
      id: t.arg.id({ required: true, description: `The preset's global id. ${ID_RULES}` }),
      expectedVersion: t.arg.int({ description: `Fail with PresetVersionConflictError unless the preset is at this version. ${ruleText(expectedVersionSchema)}` }),
      input: t.arg({ type: UpdatePresetInput, required: true, description: 'What changes.' }),
    },
    validate: { schema: z.object({ id: idSchema, expectedVersion: expectedVersionSchema.nullish(), input: presetChangesSchema }) },
    errors: {
      types: [...PresetPayloadErrors, PresetVersionConflict, NotFoundError],
      dataField: { name: 'preset', description: 'The preset as saved.' },
      ...payloadNames('UpdatePreset', 'The preset was saved as a new version.'),
    },
    resolve: async (_root, args, ctx) => {
      const parsed = args as unknown as { id: string; expectedVersion?: number | null; input: z.output<typeof presetChangesSchema> };
      const id = presetDbId(parsed.id);
      const preset = id && (await updatePreset(ctx.db, ctx.ownerId, id, parsed.input, parsed.expectedVersion ?? undefined));
      return preset || NotFoundError.throw('preset');
    },
  }),
  duplicatePreset: t.field({
    type: Preset,
    description: 'Copy a preset under a new name, as version 1 of a new preset.',
    args: {
      id: t.arg.id({ required: true, description: `The global id of the preset to copy. ${ID_RULES}` }),
      name: t.arg.string({ required: true, description: `Name of the copy. ${f.name}` }),
    },
    validate: { schema: z.object({ id: idSchema, name: presetFieldsSchema.name }) },
    errors: {
      types: [...PresetPayloadErrors, NotFoundError],
      dataField: { name: 'preset', description: 'The preset as saved.' },
      ...payloadNames('DuplicatePreset', 'The copy was saved.'),
    },
    resolve: async (_root, args, ctx) => {
      const { id, name } = args as unknown as { id: string; name: string };
      const dbId = presetDbId(id);
      return (dbId && (await duplicatePreset(ctx.db, ctx.ownerId, dbId, name))) || NotFoundError.throw('preset');
    },
  }),
  deletePreset: t.field({
    type: 'ID',
    description: 'Delete a preset and its history. Tasks made from it keep their params and its version number.',
    args: { id: t.arg.id({ required: true, description: `The preset's global id. ${ID_RULES}` }) },
    validate: { schema: z.object({ id: idSchema }) },
    errors: {
      types: [TakeoverValidationError, NotFoundError],
      dataField: { name: 'deletedId', description: 'The global id of the deleted preset.' },
      ...payloadNames('DeletePreset', 'The preset and its history are gone.'),
    },
    resolve: async (_root, { id }, ctx) => {
      const dbId = presetDbId(id);
      return dbId && (await deletePreset(ctx.db, ctx.ownerId, dbId)) ? id : NotFoundError.throw('preset');
    },
  }),
}));
