// Webhook endpoints (per tenant) and what was delivered to them. The signing secret is shown once,
// when it is made (creation, rotation), and never again.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import {
  countWebhookEndpoints,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  MAX_ENDPOINTS_PER_TENANT,
  replaceWebhookSecret,
  taskDeliveriesWhere,
} from '../db/webhooks.js';
import { WEBHOOK_EVENT_TYPES } from '../delivery/webhook-events.js';
import { DEFAULT_RETRY } from '../delivery/webhook-retry.js';
import { generateWebhookSecret } from '../delivery/webhook-secret.js';
import { MAX_WEBHOOK_URL_LENGTH, WEBHOOK_URL_RULE, webhookUrlProblem } from '../delivery/webhook-url.js';
import type { WebhookEndpoint as EndpointRow } from '../generated/prisma/client.js';
import { idSchema, textSchema } from '../takeover/primitives.js';
import { fieldDocs, ruleText } from '../takeover/rule-text.js';
import { TakeoverValidationError } from '../takeover/validation-issue.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { NotFoundError, payloadNames } from './errors.js';
import { databaseId, MALFORMED_ID_RULE } from './global-id.js';
import { badInput } from './input-error.js';
import { resolveKeysetConnection } from './keyset-connection.js';
import { connectionArgsSchema } from './list-args.js';

/** No row has this id (what a malformed id asks for). */
const NONE = '00000000-0000-0000-0000-000000000000';

export const WebhookEventType = builder.enumType('WebhookEventType', {
  description:
    'What a webhook announces: a task entered this status. Progress updates within PROCESSING send no further webhooks (`task.processing` is sent once, when the task starts processing).',
  values: Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [type.replace('.', '_').toUpperCase(), { value: type, description: `\`${type}\`` }]),
  ) as Record<string, { value: (typeof WEBHOOK_EVENT_TYPES)[number]; description: string }>,
});

const WebhookDeliveryStatus = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Not delivered yet: the next attempt is at `nextAttemptAt`.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: `Given up: no 2xx within ${DEFAULT_RETRY.giveUpAfterMs / 3_600_000} hours of the event.` },
  } as const,
});

export const newEndpointSchema = z.object({
  url: textSchema(MAX_WEBHOOK_URL_LENGTH),
  description: textSchema(500).nullish(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'choose at least one event type'),
});

const endpointMeanings = {
  url: 'Where events are posted.',
  description: 'Free text for people.',
  eventTypes: 'The events it receives.',
};
const endpointDocs = fieldDocs(newEndpointSchema.shape, { ...endpointMeanings, url: `${endpointMeanings.url} ${WEBHOOK_URL_RULE}` });

const ID_RULES = `${ruleText(idSchema)} ${MALFORMED_ID_RULE}`;

export const WebhookEndpoint = builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  select: { id: true },
  description: 'Where task events are posted, signed with its secret (Standard Webhooks). The secret is shown only when made.',
  findUnique: (id, ctx) => ({ id, ownerId: ctx.ownerId }),
  fields: (t) => ({
    url: t.exposeString('url', { description: endpointMeanings.url }),
    description: t.exposeString('description', { description: endpointMeanings.description }),
    eventTypes: t.field({
      type: [WebhookEventType],
      description: endpointMeanings.eventTypes,
      select: { eventTypes: true },
      resolve: (endpoint) => JSON.parse(endpoint.eventTypes) as (typeof WEBHOOK_EVENT_TYPES)[number][],
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Last change (a rotated secret counts).' }),
  }),
});

builder.prismaObject('WebhookAttempt', {
  description: 'One try at delivering a webhook.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: "When it started, on the database's clock." }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: "The endpoint's HTTP status; null when it did not answer." }),
    error: t.exposeString('error', { nullable: true, description: 'Why it did not count as delivered; null for a 2xx.' }),
    durationMs: t.exposeInt('durationMs', { description: 'How long it took, in milliseconds.' }),
  }),
});

const WebhookDelivery = builder.prismaObject('WebhookDelivery', {
  select: { id: true },
  description: 'One event for one endpoint, with every attempt at delivering it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The delivery (not the `webhook-id` header, which names the event).' }),
    endpoint: t.relation('endpoint', { description: 'The endpoint it goes to.' }),
    taskId: t.id({ description: 'The task (global id).', select: { taskId: true }, resolve: (d) => encodeGlobalID('Task', d.taskId) }),
    eventType: t.field({ type: WebhookEventType, description: 'The event it announces.', select: { eventType: true }, resolve: (d) => d.eventType as (typeof WEBHOOK_EVENT_TYPES)[number] }),
    payload: t.exposeString('payload', { description: 'The JSON body sent, fixed when the event happened.' }),
    status: t.expose('status', { type: WebhookDeliveryStatus, description: 'Where it stands.' }),
    attemptCount: t.exposeInt('attempts', { description: 'How many attempts were made.' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next attempt is due, while PENDING.',
      select: { status: true, nextAttemptAt: true },
      resolve: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
    }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: 'When an attempt got a 2xx; null until then.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the event happened.' }),
    attempts: t.relation('attemptLog', { description: 'Every attempt, oldest first.', query: { orderBy: { id: 'asc' } } }),
  }),
});

/** The endpoint and its secret, shown this once. */
class EndpointWithSecret {
  constructor(
    readonly endpoint: Omit<EndpointRow, 'secret'>,
    readonly secret: string,
  ) {}
}
class WebhookEndpointCreated extends EndpointWithSecret {}
class WebhookSecretRotated extends EndpointWithSecret {}

const SECRET_DESCRIPTION =
  'The signing secret (`whsec_…`): shown only now, keep it. Verify each webhook with it (Standard Webhooks, see README "Webhooks").';

builder.objectType(WebhookEndpointCreated, {
  name: 'CreateWebhookEndpointSuccess',
  description: 'The endpoint was created.',
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpoint, description: 'The new endpoint.', resolve: (result) => result.endpoint }),
    secret: t.exposeString('secret', { description: SECRET_DESCRIPTION }),
  }),
});

builder.objectType(WebhookSecretRotated, {
  name: 'RotateWebhookSecretSuccess',
  description: 'The secret was replaced; deliveries still pending are signed with the new one.',
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpoint, description: 'The endpoint.', resolve: (result) => result.endpoint }),
    secret: t.exposeString('secret', { description: SECRET_DESCRIPTION }),
  }),
});

const CreateWebhookEndpointInput = builder.inputType('CreateWebhookEndpointInput', {
  description: 'A new webhook endpoint.',
  fields: (t) => ({
    url: t.string({ required: true, description: endpointDocs.url }),
    description: t.string({ description: `${endpointDocs.description} Default "".` }),
    eventTypes: t.field({ type: [WebhookEventType], required: true, description: `${endpointDocs.eventTypes} Repeats are dropped.` }),
  }),
});

/** The endpoint's database id, or NotFoundError (malformed and not-yours ids alike). */
const endpointDbId = (globalId: string) => databaseId(globalId, 'WebhookEndpoint') ?? NotFoundError.throw('webhook endpoint');

function mintSecret(ctx: Context) {
  const secret = generateWebhookSecret();
  return { secret, sealed: ctx.webhooks.secrets.seal(secret) };
}

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    type: WebhookEndpointCreated,
    description: 'Register a URL to receive task events, signed. The answer holds the signing secret: the only time it is shown.',
    args: { input: t.arg({ type: CreateWebhookEndpointInput, required: true, description: 'The new endpoint.' }) },
    validate: { schema: z.object({ input: newEndpointSchema }) },
    errors: { directResult: true, types: [TakeoverValidationError], union: { name: 'CreateWebhookEndpointResult', description: 'The outcome of createWebhookEndpoint.' } },
    resolve: async (_root, args, ctx) => {
      const input = (args as unknown as { input: z.output<typeof newEndpointSchema> }).input;
      const problem = await webhookUrlProblem(input.url, ctx.webhooks.urlGuard);
      if (problem) throw new TakeoverValidationError([{ path: 'input.url', message: problem }]);
      if ((await countWebhookEndpoints(ctx.db, ctx.ownerId)) >= MAX_ENDPOINTS_PER_TENANT) {
        throw new TakeoverValidationError([{ path: 'input', message: `at most ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints per tenant: delete one first` }]);
      }
      const { secret, sealed } = mintSecret(ctx);
      const eventTypes = [...new Set(input.eventTypes)];
      const endpoint = await createWebhookEndpoint(ctx.db, ctx.ownerId, { url: input.url, description: input.description ?? '', eventTypes }, sealed);
      return new WebhookEndpointCreated(endpoint, secret);
    },
  }),
  rotateWebhookSecret: t.field({
    type: WebhookSecretRotated,
    description: 'Replace an endpoint\'s signing secret. The answer holds the new secret: the only time it is shown. The old one stops at once.',
    args: { id: t.arg.id({ required: true, description: `The endpoint's global id. ${ID_RULES}` }) },
    validate: { schema: z.object({ id: idSchema }) },
    errors: { directResult: true, types: [TakeoverValidationError, NotFoundError], union: { name: 'RotateWebhookSecretResult', description: 'The outcome of rotateWebhookSecret.' } },
    resolve: async (_root, { id }, ctx) => {
      const dbId = endpointDbId(String(id));
      const { secret, sealed } = mintSecret(ctx);
      const endpoint = await replaceWebhookSecret(ctx.db, ctx.ownerId, dbId, sealed);
      return endpoint ? new WebhookSecretRotated(endpoint, secret) : NotFoundError.throw('webhook endpoint');
    },
  }),
  deleteWebhookEndpoint: t.field({
    type: 'ID',
    description: 'Delete an endpoint, with its deliveries (pending ones are not sent).',
    args: { id: t.arg.id({ required: true, description: `The endpoint's global id. ${ID_RULES}` }) },
    validate: { schema: z.object({ id: idSchema }) },
    errors: {
      types: [TakeoverValidationError, NotFoundError],
      dataField: { name: 'deletedId', description: 'The global id of the deleted endpoint.' },
      ...payloadNames('DeleteWebhookEndpoint', 'The endpoint and its deliveries are gone.'),
    },
    resolve: async (_root, { id }, ctx) => ((await deleteWebhookEndpoint(ctx.db, ctx.ownerId, endpointDbId(String(id)))) ? id : NotFoundError.throw('webhook endpoint')),
  }),
}));

builder.queryFields((t) => ({
  webhookEndpoints: t.connection(
    {
      type: WebhookEndpoint,
      description: 'Your webhook endpoints, newest first.',
      validate: { schema: connectionArgsSchema },
      resolve: (_root, args, ctx, info) => resolveKeysetConnection('webhookEndpoints', { ownerId: ctx.ownerId }, args, ctx, info),
    },
    {
      description: 'A page of webhook endpoints.',
      fields: (t) => ({ totalCount: t.int({ description: 'How many endpoints you have, on every page.', resolve: (page) => page.totalCount() }) }),
    },
    { description: 'A webhook endpoint in a page.' },
  ),
  webhookDeliveries: t.connection(
    {
      type: WebhookDelivery,
      description:
        'Deliveries to one of your endpoints, or of one of your tasks' + "'" + ' events (give either or both), newest first, with their attempts. An id that is not yours gives an empty list.',
      args: {
        endpointId: t.arg.id({ description: `Deliveries to this endpoint. ${ruleText(idSchema)} A malformed or unknown id matches no delivery.` }),
        taskId: t.arg.id({ description: `Deliveries of this task's events. ${ruleText(idSchema)} A malformed or unknown id matches no delivery.` }),
      },
      validate: { schema: connectionArgsSchema.extend({ endpointId: idSchema.nullish(), taskId: idSchema.nullish() }) },
      resolve: async (_root, args, ctx, info) => {
        if (!args.endpointId && !args.taskId) throw badInput([{ path: 'endpointId', message: 'give endpointId, taskId or both' }]);
        // A malformed id is an id nothing has: the list is empty.
        const endpointId = args.endpointId ? (databaseId(String(args.endpointId), 'WebhookEndpoint') ?? NONE) : undefined;
        const taskId = args.taskId ? (databaseId(String(args.taskId), 'Task') ?? NONE) : undefined;
        const where = taskId
          ? await taskDeliveriesWhere(ctx.db, ctx.ownerId, taskId, endpointId)
          : { ownerId: ctx.ownerId, endpointId: endpointId ?? NONE };
        return resolveKeysetConnection('webhookDeliveries', where, args, ctx, info);
      },
    },
    {
      description: 'A page of webhook deliveries.',
      fields: (t) => ({ totalCount: t.int({ description: 'How many deliveries match, on every page.', resolve: (page) => page.totalCount() }) }),
    },
    { description: 'A webhook delivery in a page.' },
  ),
}));
