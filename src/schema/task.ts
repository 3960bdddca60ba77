import { RESULT_RETENTION_MS } from '../db/tasks.js';
import { builder } from './builder.js';

export const TaskStatus = builder.enumType('TaskStatus', {
  description: 'Where a submission stands, as far as this service knows.',
  values: {
    SUBMITTING: { description: 'Recorded; the platform call is in flight (or the process stopped during it).' },
    SUBMITTED: { description: 'The platform accepted the task and returned its id.' },
    REJECTED: { description: 'The platform refused the task with a non-zero code.' },
    UNREACHABLE: { description: 'The platform could not be reached or answered outside its documented envelope; nothing was created.' },
    UNKNOWN: { description: 'The request went out and no answer came back: the platform may have created the task. Never resubmitted automatically.' },
  },
});

export const Task = builder.prismaNode('Task', {
  id: { field: 'id' },
  description: 'A takeover video submission and what became of it.',
  fields: (t) => ({
    videoName: t.exposeString('videoName'),
    thumbnailUrl: t.exposeString('thumbnailUrl', { nullable: true }),
    status: t.expose('status', { type: TaskStatus }),
    platformTaskId: t.exposeString('platformTaskId', {
      nullable: true,
      description: "The platform's task id, once it accepted the task.",
    }),
    platformCode: t.exposeInt('platformCode', { nullable: true, description: "The platform's error code when REJECTED." }),
    platformMessage: t.exposeString('platformMessage', { nullable: true, description: "The platform's message when REJECTED." }),
    failureReason: t.exposeString('failureReason', {
      nullable: true,
      description: 'What went wrong in transport, when UNREACHABLE or UNKNOWN.',
    }),
    params: t.field({
      type: 'JSON',
      description: 'The validated parameters as submitted, with every default applied (our camelCase shape).',
      select: { params: true },
      resolve: (task) => JSON.parse(task.params) as unknown,
    }),
    paramString: t.exposeString('paramString', {
      description: 'The exact `param` string sent to the platform (the synthesis JSON, serialised).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: `When the platform deletes the result: ${RESULT_RETENTION_MS / 86_400_000} days after submission.`,
    }),
  }),
});

builder.queryFields((t) => ({
  task: t.prismaField({
    type: 'Task',
    nullable: true,
    description: 'One task by its id.',
    args: { id: t.arg.globalID({ required: true, for: [Task] }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.task.findUnique({ ...query, where: { id: id.id } }),
  }),
  tasks: t.prismaConnection({
    type: 'Task',
    cursor: 'id',
    description: 'Submitted tasks, newest first.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.task.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
