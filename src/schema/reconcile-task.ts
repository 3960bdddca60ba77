// reconcileTask: the owner settles an UNKNOWN task after checking the platform.
import { z } from 'zod';
import { reconcileTask, TaskNotUnknown, type Reconciliation } from '../lifecycle/reconcile-task.js';
import { idSchema } from '../takeover/primitives.js';
import { fieldDocs } from '../takeover/rule-text.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import { builder } from './builder.js';
import { ErrorInterface, NotFoundError, payloadNames } from './errors.js';
import { databaseId, MALFORMED_ID_RULE } from './global-id.js';
import { Task, TaskStatus } from './task.js';

builder.objectType(TaskNotUnknown, {
  name: 'TaskNotUnknownError',
  description: 'Only UNKNOWN tasks can be reconciled; nothing changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ status: t.field({ type: TaskStatus, resolve: (error) => error.status, description: 'The status the task has.' }) }),
});

const ReconcileOutcome = builder.enumType('ReconcileOutcome', {
  description: 'What you found on the platform.',
  values: {
    CREATED: { description: 'The platform has the task: give its `platformTaskId`. The task becomes SUBMITTED and is followed from there.' },
    NOT_CREATED: { description: 'The platform has no such task. The task becomes UNREACHABLE: the same request with the same idempotency key submits again.' },
  } as const,
});

export const reconcileInputSchema = z
  .object({
    id: idSchema,
    outcome: z.enum(['CREATED', 'NOT_CREATED']),
    platformTaskId: z.string().regex(/^\d{1,64}$/, 'digits only, as the platform wrote the id').nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.outcome === 'CREATED' && !input.platformTaskId) ctx.addIssue({ code: 'custom', path: ['platformTaskId'], message: 'required with CREATED' });
    if (input.outcome === 'NOT_CREATED' && input.platformTaskId) ctx.addIssue({ code: 'custom', path: ['platformTaskId'], message: 'not allowed with NOT_CREATED' });
  });

const docs = fieldDocs(reconcileInputSchema.shape, {
  id: "The UNKNOWN task's global id.",
  outcome: 'Whether the platform has the task.',
  platformTaskId: "The platform's task id: required with CREATED, not allowed with NOT_CREATED.",
});

const ReconcileTaskInput = builder.inputType('ReconcileTaskInput', {
  description: 'How an UNKNOWN task ended on the platform.',
  fields: (t) => ({
    id: t.id({ required: true, description: `${docs.id} ${MALFORMED_ID_RULE}` }),
    outcome: t.field({ type: ReconcileOutcome, required: true, description: docs.outcome }),
    platformTaskId: t.string({ description: docs.platformTaskId }),
  }),
});

builder.mutationField('reconcileTask', (t) =>
  t.field({
    type: Task,
    description:
      'Settle one of your UNKNOWN tasks after checking the platform (its console or support): CREATED with the platform task id, or NOT_CREATED. Recorded as an event with source RECONCILIATION.',
    args: { input: t.arg({ type: ReconcileTaskInput, required: true, description: 'What you found.' }) },
    validate: { schema: z.object({ input: reconcileInputSchema }) },
    errors: {
      types: [TakeoverValidationError, NotFoundError, TaskNotUnknown],
      dataField: { name: 'task', description: 'The task as it is now.' },
      ...payloadNames('ReconcileTask', 'The task was reconciled.'),
    },
    resolve: async (_root, { input }, ctx) => {
      const taskId = databaseId(String(input.id), 'Task');
      const reconciliation: Reconciliation =
        input.outcome === 'CREATED' ? { outcome: 'CREATED', platformTaskId: input.platformTaskId! } : { outcome: 'NOT_CREATED' };
      const task = taskId && (await reconcileTask(ctx.db, ctx.lifecycle, ctx.ownerId, taskId, reconciliation));
      return task || NotFoundError.throw('task');
    },
  }),
);
