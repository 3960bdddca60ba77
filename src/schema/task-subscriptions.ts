// Live updates of tasks, as GraphQL subscriptions (over server-sent events; see README). Thin: the
// following itself is src/live/task-followers.ts; each message is read again here, as a query
// would, for the subscriber's own tenant only.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { TooManySubscriptionsError } from '../live/subscription-slots.js';
import type { TaskUpdate as Update } from '../live/task-followers.js';
import { idSchema } from '../takeover/primitives.js';
import { ruleText } from '../takeover/rule-text.js';
import { builder } from './builder.js';
import { databaseId } from './global-id.js';
import { TaskStatus } from './task.js';

const TaskUpdate = builder.objectRef<Update>('TaskUpdate').implement({
  description: 'One message of a task subscription: the task, and the change that brought it where it is.',
  fields: (t) => ({
    task: t.prismaField({
      type: 'Task',
      description: 'The task as it is when this message is sent. When changes come fast it may already be further along than `event`; the next messages carry the events in between.',
      resolve: (query, update, _args, ctx) => ctx.db.task.findFirstOrThrow({ ...query, where: { id: update.taskId, ownerId: ctx.ownerId } }),
    }),
    event: t.prismaField({
      type: 'TaskEvent',
      nullable: true,
      description: 'The change this message is about; in the first message of `taskUpdated`, the latest change before subscribing. Null for tasks recorded before events were kept.',
      resolve: (query, update, _args, ctx) =>
        update.eventId === null ? null : ctx.db.taskEvent.findFirst({ ...query, where: { id: update.eventId, task: { ownerId: ctx.ownerId } } }),
    }),
  }),
});

const TaskEventsFilter = builder.inputType('TaskEventsFilterInput', {
  description: 'Narrows `taskEvents`. All given conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: [TaskStatus], description: 'Changes to any of these statuses.' }),
    presetId: t.id({ description: `Tasks made from this preset. ${ruleText(idSchema)} A malformed or unknown id matches no task.` }),
  }),
});

/** The follower, or the tenant's subscription limit as a GraphQL error. */
function opened<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (!(error instanceof TooManySubscriptionsError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: error.limit } });
  }
}

builder.subscriptionFields((t) => ({
  taskUpdated: t.field({
    type: TaskUpdate,
    nullable: true,
    description:
      'One of your tasks, live: first as it is now (so a task that finished before you subscribed is never missed), then at each change, in order. Ends after a final status. A single null, then the end, when no task of yours has this id.',
    args: {
      id: t.arg.id({
        required: true,
        description: `The task's global id. ${ruleText(idSchema)} A malformed id (not a global id, or of another type) answers as an id no task of yours has: a single null, then the end. Only an id that breaks these rules is refused as bad input.`,
      }),
    },
    validate: { schema: z.object({ id: idSchema }) },
    subscribe: (_root, { id }, ctx) => opened(() => ctx.live.followTask(ctx.ownerId, databaseId(String(id), 'Task'))),
    resolve: (update) => update,
  }),
  taskEvents: t.field({
    type: TaskUpdate,
    description: 'Every change of your tasks from now on that matches `filter`, each task\'s changes in order. Never ends by itself.',
    args: { filter: t.arg({ type: TaskEventsFilter, description: 'Narrow the changes.' }) },
    validate: { schema: z.looseObject({ filter: z.looseObject({ presetId: idSchema.nullish() }).nullish() }) },
    subscribe: (_root, { filter }, ctx) =>
      opened(() =>
        ctx.live.followTasks(ctx.ownerId, {
          statuses: filter?.status ?? undefined,
          // A malformed preset id is an id no preset has: nothing matches.
          presetId: filter?.presetId ? (databaseId(String(filter.presetId), 'Preset') ?? null) : undefined,
        }),
      ),
    resolve: (update) => update,
  }),
}));
