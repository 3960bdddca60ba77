// Every text input of the schema refuses NUL and the other control characters with its path,
// before anything reaches the database (issue #9, item 13). Which inputs exist is read from the
// schema itself, so a new String or ID input without the rule fails this test.
import { getNamedType, isInputObjectType, isObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { formatPath } from '../src/takeover/validation-issue.js';
import { CREATE_PRESET, CREATE_TAKEOVER } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { minimalSceneParams, seedSceneParams } from './fixtures/seed-scene.js';

type Path = (string | number)[];
type Answer = 'payload' | 'check' | 'error';

interface Operation {
  name: string;
  root: 'Query' | 'Mutation';
  field: string;
  document: string;
  answer: Answer;
  variables: () => Record<string, unknown>;
}

const PAYLOAD = '__typename ... on ValidationError { issues { path message } }';
const SUBMISSION_VARS = '$videoName: String, $thumbnailUrl: String, $params: TakeoverParamsInput, $preset: PresetReferenceInput';
const SUBMISSION_ARGS = 'videoName: $videoName, thumbnailUrl: $thumbnailUrl, params: $params, preset: $preset';

let t: TestApp;
let presetId: string;
let cursors: { tasks: string; presets: string };
let taskId: string;
let endpointId: string;
let endpointCursor: string;
let unknownTaskId: string;
const template = { ...seedSceneParams, ttsQuery: { content: 'Hello {{who}}', ssml: false } };
const presetRef = () => ({ id: presetId, variables: [{ name: 'who', value: 'Ann' }], overrides: seedSceneParams });

const operations: Operation[] = [
  {
    name: 'createTakeoverVideo with params', root: 'Mutation', field: 'createTakeoverVideo', answer: 'payload',
    document: `mutation (${SUBMISSION_VARS}, $idempotencyKey: String) { createTakeoverVideo(${SUBMISSION_ARGS}, idempotencyKey: $idempotencyKey) { ${PAYLOAD} } }`,
    variables: () => ({ videoName: 'v', thumbnailUrl: 'https://example.com/t.png', idempotencyKey: 'key-1', params: seedSceneParams }),
  },
  {
    name: 'createTakeoverVideo with a preset', root: 'Mutation', field: 'createTakeoverVideo', answer: 'payload',
    document: `mutation (${SUBMISSION_VARS}) { createTakeoverVideo(${SUBMISSION_ARGS}) { ${PAYLOAD} } }`,
    variables: () => ({ videoName: 'for {{who}}', preset: presetRef() }),
  },
  {
    name: 'checkScene with params', root: 'Query', field: 'checkScene', answer: 'check',
    document: `query (${SUBMISSION_VARS}) { checkScene(${SUBMISSION_ARGS}) { issues { path message } } }`,
    variables: () => ({ videoName: 'v', thumbnailUrl: 'https://example.com/t.png', params: seedSceneParams }),
  },
  {
    name: 'checkScene with a preset', root: 'Query', field: 'checkScene', answer: 'check',
    document: `query (${SUBMISSION_VARS}) { checkScene(${SUBMISSION_ARGS}) { issues { path message } } }`,
    variables: () => ({ videoName: 'v', preset: presetRef() }),
  },
  {
    name: 'resolvePreset', root: 'Query', field: 'resolvePreset', answer: 'check',
    document: 'query ($videoName: String, $preset: PresetReferenceInput!) { resolvePreset(videoName: $videoName, preset: $preset) { issues { path message } } }',
    variables: () => ({ videoName: 'v', preset: presetRef() }),
  },
  {
    name: 'createPreset', root: 'Mutation', field: 'createPreset', answer: 'payload',
    document: `mutation ($input: CreatePresetInput!) { createPreset(input: $input) { ${PAYLOAD} } }`,
    variables: () => ({ input: { name: 'new', description: 'd', tags: ['sales'], videoName: 'v', params: seedSceneParams } }),
  },
  {
    name: 'updatePreset', root: 'Mutation', field: 'updatePreset', answer: 'payload',
    document: `mutation ($id: ID!, $input: UpdatePresetInput!) { updatePreset(id: $id, input: $input) { ${PAYLOAD} } }`,
    variables: () => ({ id: presetId, input: { name: 'renamed', description: 'd', tags: ['sales'], videoName: 'v', params: seedSceneParams } }),
  },
  {
    name: 'duplicatePreset', root: 'Mutation', field: 'duplicatePreset', answer: 'payload',
    document: `mutation ($id: ID!, $name: String!) { duplicatePreset(id: $id, name: $name) { ${PAYLOAD} } }`,
    variables: () => ({ id: presetId, name: 'copy' }),
  },
  {
    name: 'deletePreset', root: 'Mutation', field: 'deletePreset', answer: 'payload',
    document: `mutation ($id: ID!) { deletePreset(id: $id) { ${PAYLOAD} } }`,
    variables: () => ({ id: presetId }),
  },
  {
    name: 'tasks', root: 'Query', field: 'tasks', answer: 'error',
    document: 'query ($after: String, $before: String, $filter: TaskFilterInput) { tasks(first: 1, after: $after, before: $before, filter: $filter) { totalCount } }',
    variables: () => ({ after: cursors.tasks, before: cursors.tasks, filter: { search: 'x', presetId } }),
  },
  {
    name: 'presets', root: 'Query', field: 'presets', answer: 'error',
    document: 'query ($after: String, $before: String, $search: String, $tag: String) { presets(first: 1, after: $after, before: $before, search: $search, tag: $tag) { totalCount } }',
    variables: () => ({ after: cursors.presets, before: cursors.presets, search: 'x', tag: 'sales' }),
  },
  { name: 'node', root: 'Query', field: 'node', answer: 'error', document: 'query ($id: ID!) { node(id: $id) { id } }', variables: () => ({ id: taskId }) },
  { name: 'nodes', root: 'Query', field: 'nodes', answer: 'error', document: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: () => ({ ids: [taskId, presetId] }) },
  { name: 'task', root: 'Query', field: 'task', answer: 'error', document: 'query ($id: ID!) { task(id: $id) { id } }', variables: () => ({ id: taskId }) },
  { name: 'preset', root: 'Query', field: 'preset', answer: 'error', document: 'query ($id: ID!) { preset(id: $id) { id } }', variables: () => ({ id: presetId }) },
  {
    name: 'createWebhookEndpoint', root: 'Mutation', field: 'createWebhookEndpoint', answer: 'payload',
    document: `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ${PAYLOAD} } }`,
    variables: () => ({ input: { url: 'http://127.0.0.1:9/hook', description: 'd', eventTypes: ['TASK_SUCCEEDED'] } }),
  },
  {
    name: 'rotateWebhookSecret', root: 'Mutation', field: 'rotateWebhookSecret', answer: 'payload',
    document: `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { ${PAYLOAD} } }`,
    variables: () => ({ id: endpointId }),
  },
  {
    name: 'deleteWebhookEndpoint', root: 'Mutation', field: 'deleteWebhookEndpoint', answer: 'payload',
    document: `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { ${PAYLOAD} } }`,
    variables: () => ({ id: endpointId }),
  },
  {
    name: 'webhookEndpoints', root: 'Query', field: 'webhookEndpoints', answer: 'error',
    document: 'query ($after: String, $before: String) { webhookEndpoints(first: 1, after: $after, before: $before) { totalCount } }',
    variables: () => ({ after: endpointCursor, before: endpointCursor }),
  },
  {
    name: 'webhookDeliveries', root: 'Query', field: 'webhookDeliveries', answer: 'error',
    document: 'query ($endpointId: ID, $taskId: ID, $after: String, $before: String) { webhookDeliveries(endpointId: $endpointId, taskId: $taskId, first: 1, after: $after, before: $before) { totalCount } }',
    variables: () => ({ endpointId, taskId, after: endpointCursor, before: endpointCursor }),
  },
  {
    name: 'reconcileTask', root: 'Mutation', field: 'reconcileTask', answer: 'payload',
    document: `mutation ($input: ReconcileTaskInput!) { reconcileTask(input: $input) { ${PAYLOAD} } }`,
    variables: () => ({ input: { id: unknownTaskId, outcome: 'CREATED', platformTaskId: '123' } }),
  },
];

/** Every string in `value`, with its path. */
function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

function withValue(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = value;
  return copy;
}

/**
 * The schema coordinate (`Type.field` or `Root.field(arg:)`) a variable path ends at, and whether
 * it is a text input (String or ID; `videoFormat` is an enum given as a string).
 */
function inputAt(graphqlSchema: GraphQLSchema, operation: Operation, path: Path): { coordinate: string; text: boolean } {
  const root = operation.root === 'Query' ? graphqlSchema.getQueryType()! : graphqlSchema.getMutationType()!;
  const [argName, ...rest] = path as [string, ...Path];
  let type: GraphQLInputType = root.getFields()[operation.field]!.args.find((arg) => arg.name === argName)!.type;
  let coordinate = `${operation.root}.${operation.field}(${argName}:)`;
  for (const name of rest.filter((segment): segment is string => typeof segment === 'string')) {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) throw new Error(`${name} under a non-object at ${path.join('.')}`);
    type = named.getFields()[name]!.type;
    coordinate = `${named.name}.${name}`;
  }
  return { coordinate, text: ['String', 'ID'].includes(getNamedType(type).name) };
}

/** The path an issue about this variable path is reported at: overrides are checked merged into the scene. */
function issuePath(path: Path): string {
  const overrides = path[0] === 'preset' && path[1] === 'overrides';
  return formatPath(overrides ? ['params', ...path.slice(2)] : path);
}

function issuesOf(answer: Answer, response: { data?: any; errors?: any[] }, field: string): { path: string; message: string }[] {
  if (answer === 'error') {
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return response.errors![0].extensions.issues;
  }
  expect(response.errors).toBeUndefined();
  if (answer === 'payload') expect(response.data[field].__typename).toBe('ValidationError');
  return response.data[field].issues;
}

function schemaTextInputs(graphqlSchema: GraphQLSchema): string[] {
  const coordinates: string[] = [];
  const isText = (type: GraphQLInputType) => ['String', 'ID'].includes(getNamedType(type).name);
  for (const type of Object.values(graphqlSchema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) if (isText(arg.type)) coordinates.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (isText(field.type)) coordinates.push(`${type.name}.${field.name}`);
    }
  }
  return coordinates.sort();
}

beforeAll(async () => {
  t = await startTestApp({ options: { webhooks: { allowPrivate: true } } });
  const created = await t.graphql(CREATE_PRESET, { input: { name: 'template', videoName: 'for {{who}}', params: template } });
  presetId = created.data.createPreset.preset.id;
  taskId = (await t.graphql(CREATE_TAKEOVER, { videoName: 'a task', params: minimalSceneParams })).data.createTakeoverVideo.task.id;
  const tasks = await t.graphql('{ tasks(first: 1) { pageInfo { endCursor } } }');
  const presets = await t.graphql('{ presets(first: 1) { pageInfo { endCursor } } }');
  cursors = { tasks: tasks.data.tasks.pageInfo.endCursor, presets: presets.data.presets.pageInfo.endCursor };
  const endpoint = await t.graphql('mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", eventTypes: [TASK_SUCCEEDED] }) { ... on CreateWebhookEndpointSuccess { endpoint { id } } } }');
  endpointId = endpoint.data.createWebhookEndpoint.endpoint.id;
  endpointCursor = (await t.graphql('{ webhookEndpoints(first: 1) { pageInfo { endCursor } } }')).data.webhookEndpoints.pageInfo.endCursor;
  unknownTaskId = (await t.graphql(CREATE_TAKEOVER, { videoName: 'an unknown one', params: minimalSceneParams })).data.createTakeoverVideo.task.id;
});
afterAll(() => t.close());

describe('the text rule', () => {
  const covered = new Set<string>();

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    '%s: a NUL in any text input is refused with its path, and nothing is written or sent',
    async (_name, operation) => {
      const base = operation.variables();
      const [tasks, presets, versions, creates] = [await t.db.task.count(), await t.db.preset.count(), await t.db.presetVersion.count(), t.simulator.calls.create];
      for (const path of stringLeaves(base)) {
        const { coordinate, text } = inputAt(schema, operation, path);
        if (!text) continue;
        const original = path.reduce<any>((node, key) => node[key], base) as string;
        const response = await t.graphql(operation.document, withValue(base, path, `${original}\u0000`));
        const issues = issuesOf(operation.answer, response, operation.field);
        expect(issues, `${operation.name}: ${formatPath(path)}`).toContainEqual({ path: issuePath(path), message: expect.stringMatching(/control characters|must be empty|digits only/) });
        covered.add(coordinate);
      }
      expect([await t.db.task.count(), await t.db.preset.count(), await t.db.presetVersion.count(), t.simulator.calls.create]).toEqual([tasks, presets, versions, creates]);
      expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
    },
  );

  it('subscriptions: a NUL in an id is refused with its path before anything is followed', async () => {
    const cases = [
      { document: 'subscription ($id: ID!) { taskUpdated(id: $id) { task { id } } }', variables: { id: `${taskId}\u0000` }, path: 'id', coordinate: 'Subscription.taskUpdated(id:)' },
      { document: 'subscription ($presetId: ID) { taskEvents(filter: { presetId: $presetId }) { task { id } } }', variables: { presetId: `${presetId}\u0000` }, path: 'filter.presetId', coordinate: 'TaskEventsFilterInput.presetId' },
    ];
    for (const { document, variables, path, coordinate } of cases) {
      const response = await t.app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${t.apiKey}` },
        body: JSON.stringify({ query: document, variables }),
      });
      const text = await response.text();
      const data = /^data: (.+)$/m.exec(text)?.[1];
      const message = JSON.parse(data!) as { errors?: { extensions?: { code?: string; issues?: { path: string }[] } }[] };
      expect(message.errors?.[0]?.extensions?.code, text).toBe('BAD_USER_INPUT');
      expect(message.errors![0]!.extensions!.issues!.map((issue) => issue.path)).toContain(path);
      covered.add(coordinate);
    }
  });

  it('covers every String and ID input of the schema', () => {
    expect(schemaTextInputs(schema).filter((coordinate) => !covered.has(coordinate))).toEqual([]);
  });

  it('refuses other control characters and unpaired surrogates too; long free text may hold tabs and line breaks', async () => {
    const create = (videoName: string, params: unknown) => t.graphql(CREATE_TAKEOVER, { videoName, params });
    for (const bad of ['\u0007', '\u001b[31m', '\u007f', '\u0085', '\uD800', 'x\uDC00', 'tab\there', 'line\nbreak']) {
      const result = (await create(`name ${bad}`, minimalSceneParams)).data.createTakeoverVideo;
      expect(result.issues, JSON.stringify(bad)).toEqual([{ path: 'videoName', message: expect.stringMatching(/control characters|surrogates/) }]);
      const title = (await create('v', { ...minimalSceneParams, title: { text: `a${bad}`, fontFamily: 'f' } })).data.createTakeoverVideo;
      expect(title.issues.map((i: { path: string }) => i.path)).toEqual(['params.title.text']);
    }
    const script = { ...minimalSceneParams, ttsQuery: { content: 'Line one.\r\n\tLine two.' } };
    expect((await create('emoji 🎬 and 中文 are fine', script)).data.createTakeoverVideo.__typename).toBe('CreateTakeoverVideoSuccess');
    const described = await t.graphql(CREATE_PRESET, { input: { name: 'multi-line', description: 'first\nsecond', params: minimalSceneParams } });
    expect(described.data.createPreset.__typename).toBe('CreatePresetSuccess');
  });
});
