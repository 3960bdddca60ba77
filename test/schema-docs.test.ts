// The schema as documentation (issue #12): every type, field, argument and enum value has a
// description; output fields say what their input twins say; every rule zod enforces on an input
// appears in that input's description, and the numbers in the description are the ones the rule
// accepts and refuses.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
} from 'graphql';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { SCENE_RULES } from '../src/schema/inputs/scene-docs.js';
import { connectionArgsSchema } from '../src/schema/list-args.js';
import { nodeIdsSchema } from '../src/schema/node.js';
import { reconcileInputSchema } from '../src/schema/reconcile-task.js';
import { newEndpointSchema } from '../src/schema/webhooks.js';
import { presetFieldsSchema, tagSchema, variableValueSchema } from '../src/takeover/preset.js';
import { idSchema, searchSchema } from '../src/takeover/primitives.js';
import { innermost, ruleText } from '../src/takeover/rule-text.js';
import { presetReferenceSchema, submissionArgsSchema } from '../src/takeover/submission.js';

type Zod = z.ZodType;

/** Every input field and argument in the schema, by coordinate: `Type.field` and `Type.field(arg)`. */
function inputCoordinates(): Map<string, GraphQLInputField | GraphQLArgument> {
  const found = new Map<string, GraphQLInputField | GraphQLArgument>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) found.set(`${type.name}.${field.name}`, field);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) for (const arg of field.args) found.set(`${type.name}.${field.name}(${arg.name})`, arg);
    }
  }
  return found;
}

// Which zod rule enforces each input: zod object -> the GraphQL coordinates of its fields.
const shapes: [Record<string, unknown>, (field: string) => string[]][] = [
  ...Object.entries(SCENE_RULES).map(
    ([type, rule]) => [rule.shape, (field: string) => [`${type}Input.${field}`, `${type}Patch.${field}`]] as [Record<string, unknown>, (f: string) => string[]],
  ),
  [submissionArgsSchema.shape, (f) => [`Mutation.createTakeoverVideo(${f})`, `Query.checkScene(${f})`]],
  [presetReferenceSchema.shape, (f) => [`PresetReferenceInput.${f}`]],
  [variableValueSchema.shape, (f) => [`VariableValueInput.${f}`]],
  [presetFieldsSchema, (f) => [`CreatePresetInput.${f}`, `UpdatePresetInput.${f}`]],
  [connectionArgsSchema.shape, (f) => [`Query.tasks(${f})`, `Query.presets(${f})`, `Query.webhookEndpoints(${f})`, `Query.webhookDeliveries(${f})`]],
  [newEndpointSchema.shape, (f) => [`CreateWebhookEndpointInput.${f}`]],
  [reconcileInputSchema.shape, (f) => [`ReconcileTaskInput.${f}`]],
];
const singles: [Zod, string[]][] = [
  [
    idSchema,
    [
      'Query.node(id)',
      'Query.task(id)',
      'Query.preset(id)',
      'TaskFilterInput.presetId',
      'Mutation.updatePreset(id)',
      'Mutation.deletePreset(id)',
      'Mutation.duplicatePreset(id)',
      'Mutation.rotateWebhookSecret(id)',
      'Mutation.deleteWebhookEndpoint(id)',
      'Query.webhookDeliveries(endpointId)',
      'Query.webhookDeliveries(taskId)',
      'Subscription.taskUpdated(id)',
      'TaskEventsFilterInput.presetId',
    ],
  ],
  [nodeIdsSchema, ['Query.nodes(ids)']],
  [searchSchema, ['Query.presets(search)', 'TaskFilterInput.search']],
  [tagSchema, ['Query.presets(tag)']],
  [presetFieldsSchema.name, ['Mutation.duplicatePreset(name)']],
  [submissionArgsSchema.shape.videoName, ['Query.resolvePreset(videoName)']],
];

// Inputs with no zod rule beyond their GraphQL type (enums, dates, booleans, nested objects).
const NO_RULE = /^(TaskFilterInput\.(status|createdAfter|createdBefore)|TaskEventsFilterInput\.status|Subscription\.taskEvents\(filter\)|Mutation\.(createWebhookEndpoint|reconcileTask)\(input\)|.*\.previewSvg\(frame\)|.*\.previewUrl\(frame\)|Mutation\.createPreset\(input\)|Mutation\.updatePreset\((input|expectedVersion)\)|Query\.tasks\(filter\)|Query\.(checkScene|resolvePreset)\((params|preset)\)|Mutation\.createTakeoverVideo\((params|preset)\)|PresetReferenceInput\.overrides)$/;

function ruleMap(): Map<string, Zod> {
  const rules = new Map<string, Zod>();
  const all = inputCoordinates();
  for (const [shape, coordinates] of shapes) {
    for (const [field, rule] of Object.entries(shape)) {
      const present = coordinates(field).filter((c) => all.has(c));
      // A zod-checked field with no GraphQL input at all would be a rule nobody can read.
      if (ruleText(rule as Zod)) expect(present, `no GraphQL input for the zod rule of ${coordinates(field)[0]}`).not.toEqual([]);
      for (const c of present) rules.set(c, rule as Zod);
    }
  }
  for (const [rule, coordinates] of singles) for (const c of coordinates) rules.set(c, rule);
  return rules;
}

/** Where `description` and `rule` disagree: each range and length it states is probed against the rule. */
export function disagreements(description: string, rule: Zod): string[] {
  const problems: string[] = [];
  const inner = innermost(rule) as unknown as { _zod: { def: { type: string; element?: Zod } } };
  const element = inner._zod.def.type;
  if (element === 'array' && description.includes('Each: ')) {
    const [own, each] = [description.slice(0, description.indexOf('Each: ')), description.slice(description.indexOf('Each: ') + 6)];
    return [...disagreements(own, rule), ...disagreements(each, inner._zod.def.element!).map((p) => `each item: ${p}`)];
  }
  const accepts = (value: unknown) => rule.safeParse(value).success;
  const range = /An? (integer|number) (-?[\d.]+)\.\.(-?[\d.]+)\./.exec(description);
  if (range) {
    const [min, max] = [Number(range[2]), Number(range[3])];
    const step = range[1] === 'integer' ? 1 : 0.001;
    if (!accepts(min) || !accepts(max)) problems.push(`says ${min}..${max} but refuses a bound`);
    if (accepts(min - step) || accepts(max + step)) problems.push(`says ${min}..${max} but accepts beyond it`);
  }
  const lower = /An? (integer|number), (greater than|at least) (-?[\d.]+)/.exec(description);
  if (lower) {
    const bound = Number(lower[3]);
    if (lower[2] === 'greater than' ? accepts(bound) : !accepts(bound)) problems.push(`says ${lower[2]} ${bound}, the rule disagrees`);
  }
  const upper = /and at most (-?[\d.]+)\./.exec(description);
  if (upper && (!accepts(Number(upper[1])) || accepts(Number(upper[1]) + 0.001))) problems.push(`says at most ${upper[1]}, the rule disagrees`);
  const length = /(?:^|\. )(?:(\d+)\.\.(\d+)|At most (\d+)) characters?\./.exec(description);
  if (length && element === 'string') {
    const max = Number(length[2] ?? length[3]);
    if (accepts('a'.repeat(max + 1))) problems.push(`says at most ${max} characters, accepts more`);
    const min = Number(length[1] ?? 0);
    if (min > 0 && accepts('a'.repeat(min - 1))) problems.push(`says at least ${min} characters, accepts fewer`);
  }
  const items = /(?:At most|Exactly) (\d+) items?\./.exec(description);
  if (items) {
    const tooMany = Array.from({ length: Number(items[1]) + 1 }, () => ({}));
    if (accepts(tooMany)) problems.push(`says at most ${items[1]} items, accepts more`);
  }
  return problems;
}

describe('schema documentation', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('gives every output field the description of its input twin', () => {
    let compared = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      const twin = schema.getType(`${type.name}Input`);
      if (!isObjectType(type) || !isInputObjectType(twin)) continue;
      for (const field of Object.values(type.getFields())) {
        const input = twin.getFields()[field.name];
        if (!input) continue;
        expect(field.description, `${type.name}.${field.name}`).toBe(input.description);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(120);
  });

  it('states every zod rule of an input in its description', () => {
    const all = inputCoordinates();
    const rules = ruleMap();
    for (const [coordinate, rule] of rules) {
      const text = ruleText(rule);
      if (text) expect(all.get(coordinate)?.description, coordinate).toContain(text);
    }
    // Every input is either mapped to its rule or known to have none: a new input with a rule
    // that is not described fails here.
    const unmapped = [...all.keys()].filter((c) => !rules.has(c) && !NO_RULE.test(c));
    expect(unmapped).toEqual([]);
  });

  it('every range and length a description states is what the rule accepts', () => {
    const all = inputCoordinates();
    let probed = 0;
    for (const [coordinate, rule] of ruleMap()) {
      const description = all.get(coordinate)!.description ?? '';
      expect(disagreements(description, rule), coordinate).toEqual([]);
      if (/\d/.test(ruleText(rule))) probed += 1;
    }
    expect(probed).toBeGreaterThan(100);
  });

  it('the probe catches a description that disagrees with its rule', () => {
    const width = z.number().int().min(16).max(2048);
    expect(disagreements('Width in pixels. An integer 16..4096.', width)).not.toEqual([]);
    expect(disagreements(`Width in pixels. ${ruleText(width)}`, width)).toEqual([]);
    expect(disagreements('At most 10 characters.', z.string().max(12))).not.toEqual([]);
    expect(disagreements('A number, greater than 0 and at most 10.', z.number().min(0).max(10))).not.toEqual([]);
  });

  it('quotes the limits the issue names', () => {
    const all = inputCoordinates();
    expect(all.get('ResolutionInput.width')?.description).toContain('An integer 16..4096.');
    expect(all.get('PositionInput.x')?.description).toContain('A number -16384..16384.');
    expect(all.get('Mutation.createTakeoverVideo(idempotencyKey)')?.description).toMatch(/1\.\.128 printable ASCII/);
    expect(all.get('Query.tasks(first)')?.description).toContain('An integer 0..100.');
  });
});
