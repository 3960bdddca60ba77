import { z } from 'zod';
import { RESULT_RETENTION_MS, resultExpired } from '../takeover/task-state-machine.js';
import { RAW_BODY_LIMIT } from '../platform/create-answer.js';
import { containsText } from '../db/search.js';
import type { Prisma } from '../generated/prisma/client.js';
import { idSchema, searchSchema } from '../takeover/primitives.js';
import type { TakeoverParams as Params } from '../takeover/params.js';
import { renderScenePreview } from '../takeover/preview-svg.js';
import { ruleText } from '../takeover/rule-text.js';
import { sceneWarnings } from '../takeover/warnings.js';
import { builder } from './builder.js';
import { SceneWarningRef } from './scene-warning.js';
import type { Context } from './context.js';
import { databaseId, MALFORMED_ID_RULE } from './global-id.js';
import { PREVIEW_URL_DESCRIPTION } from './preview-url.js';
import { resolveKeysetConnection, type PageBounds } from './keyset-connection.js';
import { nodeFieldNames } from './node-selection.js';
import { readTaskPage, TASK_PAGE_COLUMNS, type TaskPageColumn, type TaskPageFilter } from '../db/task-page.js';
import type { GraphQLResolveInfo } from 'graphql';
import { connectionArgsSchema } from './list-args.js';
import { TakeoverParams } from './outputs/takeover-params.js';

export const TaskStatus = builder.enumType('TaskStatus', {
  description: 'Where a submission stands, as far as this service knows.',
  values: {
    SUBMITTING: { description: 'Recorded; the platform call is in flight (or the process stopped during it).' },
    SUBMITTED: { description: 'The platform accepted the task and returned its id; it has not started making the video yet.' },
    PROCESSING: { description: 'The platform is making the video (`progress` says how far, when the platform says).' },
    SUCCEEDED: {
      description: `The video is ready: \`resultUrl\` downloads it until \`expiresAt\` (${RESULT_RETENTION_MS / 86_400_000} days after completion). Final.`,
    },
    FAILED: { description: "The platform accepted the task but could not make the video (`platformCode`, `platformMessage`). Final." },
    REJECTED: { description: 'The platform refused the task with a non-zero code; nothing was created. Final.' },
    UNREACHABLE: {
      description:
        'Nothing was created: the platform could not be reached, or answered that it did not process the request (HTTP 3xx, 4xx, 503), or its owner reconciled an UNKNOWN task as not created. Final; the same idempotency key may submit again.',
    },
    UNKNOWN: {
      description:
        'The request went out and no usable answer came back (or the submitting instance stopped mid-call): the platform may have created the task. Never resubmitted automatically; a late answer from the same call, a report from the platform, or its owner (`reconcileTask`) moves it on.',
    },
  } as const,
});

export const TaskEventSource = builder.enumType('TaskEventSource', {
  description: 'What caused a status change.',
  values: {
    SUBMISSION: { description: 'The submission itself: the record was written, or the platform answered the create call.' },
    RECOVERY: { description: 'Crash recovery: the task was still SUBMITTING after the deadline its instance had set.' },
    CALLBACK: { description: "The platform's callback about the task (see README: what is assumed of its shape)." },
    STATUS_QUERY: { description: 'A status query this service made to the platform.' },
    RECONCILIATION: { description: 'Its owner settled an UNKNOWN task (`reconcileTask`).' },
  } as const,
});

export const TaskEvent = builder.prismaObject('TaskEvent', {
  description: 'One status change of a task.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: "When, on the database's clock." }),
    fromStatus: t.expose('fromStatus', { type: TaskStatus, nullable: true, description: 'The status before; null when the record was written.' }),
    toStatus: t.expose('toStatus', { type: TaskStatus, description: 'The status after.' }),
    progress: t.exposeInt('progress', { nullable: true, description: 'The progress (0..100) after it, while PROCESSING and when the platform says.' }),
    source: t.expose('source', { type: TaskEventSource, description: 'What caused it.' }),
    message: t.exposeString('message', { description: 'Why, for a person.' }),
    raw: t.exposeString('raw', {
      nullable: true,
      description: `What the platform sent that caused it, as JSON \`{httpStatus, body}\` with the body as received, cut at ${RAW_BODY_LIMIT} characters (a callback's has no \`httpStatus\`); null when it sent nothing.`,
    }),
  }),
});

// Every column but the scene (`params` and `paramString`, kilobytes of JSON) is loaded with the
// task, and the fields reading them are plain resolvers: plugin-prisma wraps a field with its own
// `select` in a per-row mapping lookup, which cost more than the rest of a page's fields together.
const LIGHT_COLUMNS = Object.fromEntries(TASK_PAGE_COLUMNS.map((column) => [column, true])) as Record<TaskPageColumn, true>;
type LightTask = Prisma.TaskGetPayload<{ select: typeof LIGHT_COLUMNS }>;

/** The fields a page read by readTaskPage answers, with the columns each reads (besides the id). */
const PAGE_FIELDS: Record<string, readonly TaskPageColumn[]> = {
  __typename: [], id: [], previewUrl: [], videoName: ['videoName'], thumbnailUrl: ['thumbnailUrl'], status: ['status'],
  platformTaskId: ['platformTaskId'], platformCode: ['platformCode'], platformMessage: ['platformMessage'], progress: ['progress'],
  resultUrl: ['resultUrl', 'expiresAt'], durationSeconds: ['durationSeconds'], completedAt: ['completedAt'], failureReason: ['failureReason'],
  abandonAfter: ['abandonAfter'], idempotencyKey: ['idempotencyKey'], presetVersion: ['presetVersion'], createdAt: ['createdAt'],
  updatedAt: ['updatedAt'], expiresAt: ['expiresAt'], expired: ['expiresAt'],
};

export const Task = builder.prismaNode('Task', {
  id: { field: 'id' },
  // Select mode: the scene is loaded only when a field asks for it.
  select: LIGHT_COLUMNS,
  description: 'A takeover video submission and what became of it.',
  findUnique: (id, ctx) => ({ id, ownerId: ctx.ownerId }),
  fields: (t) => ({
    videoName: t.string({ description: 'The name it was submitted with (variables filled in).', resolve: (task) => task.videoName }),
    thumbnailUrl: t.string({ nullable: true, description: 'The thumbnail URL it was submitted with.', resolve: (task) => task.thumbnailUrl }),
    status: t.field({ type: TaskStatus, description: 'Where it stands.', resolve: (task) => task.status }),
    platformTaskId: t.string({
      nullable: true,
      description: "The platform's task id, once it accepted the task, exactly as the platform wrote it (ids may exceed 2^53).",
      resolve: (task) => task.platformTaskId,
    }),
    platformCode: t.int({
      nullable: true,
      description: "The platform's error code when REJECTED (from its answer envelope, never an HTTP status) or FAILED (when it gave one).",
      resolve: (task) => task.platformCode,
    }),
    platformMessage: t.string({ nullable: true, description: "The platform's message when REJECTED or FAILED.", resolve: (task) => task.platformMessage }),
    progress: t.int({
      nullable: true,
      description: 'How far the platform is, 0..100: while PROCESSING when the platform says, 100 when SUCCEEDED; null otherwise.',
      resolve: (task) => task.progress,
    }),
    resultUrl: t.string({
      nullable: true,
      description: 'Where to download the finished video: set when SUCCEEDED, null before, and null again once `expired`.',
      resolve: (task) => (task.resultUrl && !resultExpired(task.expiresAt, new Date()) ? task.resultUrl : null),
    }),
    durationSeconds: t.float({
      nullable: true,
      description: "The video's length in seconds, when SUCCEEDED and the platform says.",
      resolve: (task) => task.durationSeconds,
    }),
    completedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the task reached SUCCEEDED or FAILED (the time the platform reported, when it did).',
      resolve: (task) => task.completedAt,
    }),
    failureReason: t.string({ nullable: true, description: 'What went wrong, when UNREACHABLE or UNKNOWN.', resolve: (task) => task.failureReason }),
    abandonAfter: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        "When a task still SUBMITTING counts as abandoned (on the database's clock): set when it was recorded, from the submitting instance's worst-case call time.",
      resolve: (task) => task.abandonAfter,
    }),
    events: t.relation('events', {
      description: 'Its status changes, oldest first, each with its time, cause and reason. Tasks recorded before events were kept have none.',
      query: { orderBy: { id: 'asc' } },
    }),
    params: t.field({
      type: TakeoverParams,
      description: 'The validated parameters as submitted, with every default applied.',
      select: { params: true },
      resolve: (task) => JSON.parse(task.params) as Params,
    }),
    paramString: t.exposeString('paramString', { description: 'The exact `param` string sent to the platform (the synthesis JSON, serialised).' }),
    preset: t.relation('preset', { nullable: true, description: 'The preset this task was made from, unless it was deleted since.' }),
    idempotencyKey: t.string({
      nullable: true,
      description: 'The idempotency key it was submitted with (kept after the key expired or moved on to a retry).',
      resolve: (task) => task.idempotencyKey,
    }),
    presetVersion: t.int({ nullable: true, description: 'The version of the preset it was made from.', resolve: (task) => task.presetVersion }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was recorded.', resolve: (task) => task.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When it last changed.', resolve: (task) => task.updatedAt }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: `When the platform deletes the finished video: ${RESULT_RETENTION_MS / 86_400_000} days after completion. Null until the task SUCCEEDED.`,
      resolve: (task) => task.expiresAt,
    }),
    warnings: t.field({
      type: [SceneWarningRef],
      description: 'Legal but probably unintended things in the submitted scene.',
      select: { params: true },
      resolve: (task) => sceneWarnings(JSON.parse(task.params) as Params),
    }),
    previewSvg: t.string({
      description: 'The submitted scene drawn as SVG.',
      args: { frame: t.arg.int({ description: 'Show which timed layers are visible at this frame (>= 0).' }) },
      select: { params: true },
      resolve: (task, { frame }) => renderScenePreview(JSON.parse(task.params) as Params, { frame: frame ?? undefined }),
    }),
    previewUrl: t.string({
      description: PREVIEW_URL_DESCRIPTION,
      args: { frame: t.arg.int({ description: 'Show which timed layers are visible at this frame (>= 0).' }) },
      resolve: (task, { frame }, ctx) => ctx.previewLinks.link({ kind: 'task', id: task.id, ownerId: ctx.ownerId, frame: frame ?? undefined }, ctx.publicUrl),
    }),
    expired: t.boolean({
      description: 'Whether the finished video can no longer be downloaded (`expiresAt` has passed). False while there is no result yet.',
      resolve: (task) => resultExpired(task.expiresAt, new Date()),
    }),
  }),
});

const TaskFilter = builder.inputType('TaskFilterInput', {
  description: 'Narrows `tasks`. All given conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: [TaskStatus], description: 'Any of these statuses.' }),
    presetId: t.id({ description: `Made from this preset. ${ruleText(idSchema)} A malformed or unknown id matches no task.` }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after this time.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Created before this time.' }),
    search: t.string({
      description: `Part of the video name, matched literally ("%" and "_" are not wildcards), case-insensitively. ${ruleText(searchSchema)}`,
    }),
  }),
});

type TaskFilterArgs = { filter?: typeof TaskFilter.$inferInput | null };

function taskWhere(ctx: Context, { filter }: TaskFilterArgs): Prisma.TaskWhereInput & { ownerId: string } {
  return {
    ownerId: ctx.ownerId,
    ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    // A malformed preset id is an id no preset has: the list is empty.
    ...(filter?.presetId ? { presetId: databaseId(String(filter.presetId), 'Preset') ?? { in: [] } } : {}),
    ...(filter?.createdAfter || filter?.createdBefore
      ? { createdAt: { ...(filter.createdAfter && { gte: filter.createdAfter }), ...(filter.createdBefore && { lt: filter.createdBefore }) } }
      : {}),
    ...(filter?.search ? { videoName: containsText(ctx.provider, filter.search) } : {}),
  };
}

/** The list's own statement, when it can answer this query: no text search, only PAGE_FIELDS asked. */
function taskPageReader(ctx: Context, { filter }: TaskFilterArgs, info: GraphQLResolveInfo) {
  if (filter?.search) return undefined;
  const fields = nodeFieldNames(info, 'Task');
  if (!fields || ![...fields].every((field) => Object.hasOwn(PAGE_FIELDS, field))) return undefined;
  const columns = new Set([...fields].flatMap((field) => PAGE_FIELDS[field]!));
  const pageFilter: TaskPageFilter = {
    ownerId: ctx.ownerId,
    statuses: filter?.status ?? undefined,
    presetId: filter?.presetId ? (databaseId(String(filter.presetId), 'Preset') ?? null) : undefined,
    createdAtOrAfter: filter?.createdAfter ?? undefined,
    createdBefore: filter?.createdBefore ?? undefined,
  };
  return ({ after, before, inverted, limit }: PageBounds) => readTaskPage(ctx.db, ctx.provider, { filter: pageFilter, after, before, inverted, take: limit, columns });
}

const taskFilterSchema = z.looseObject({ presetId: idSchema.nullish(), search: searchSchema.nullish() }).nullish();

builder.queryFields((t) => ({
  task: t.prismaField({
    type: 'Task',
    nullable: true,
    description: 'One of your tasks by id; null when no task of yours has this id.',
    args: { id: t.arg.id({ required: true, description: `The task's global id. ${ruleText(idSchema)} ${MALFORMED_ID_RULE}` }) },
    validate: { schema: z.object({ id: idSchema }) },
    resolve: (query, _root, { id }, ctx) => {
      const dbId = databaseId(String(id), 'Task');
      return dbId ? ctx.db.task.findFirst({ ...query, where: { id: dbId, ownerId: ctx.ownerId } }) : null;
    },
  }),
  tasks: t.connection(
    {
      type: Task,
      description: 'Your tasks, newest first.',
      args: { filter: t.arg({ type: TaskFilter, description: 'Narrow the list.' }) },
      validate: { schema: connectionArgsSchema.extend({ filter: taskFilterSchema }) },
      resolve: (_root, args, ctx, info) => resolveKeysetConnection<LightTask>('tasks', taskWhere(ctx, args), args, ctx, info, taskPageReader(ctx, args, info)),
    },
    {
      description: 'A page of tasks.',
      fields: (t) => ({ totalCount: t.int({ description: 'How many tasks match, on every page.', resolve: (page) => page.totalCount() }) }),
    },
    { description: 'A task in a page.' },
  ),
}));
