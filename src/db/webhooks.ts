// A tenant's webhook endpoints, and the outbox rows a task change writes for them.
import { randomUUID } from 'node:crypto';
import type { Db } from './client.js';
import { sqliteDate, type DirectStatements } from './sqlite-direct.js';
import type { Tx } from './task-transitions.js';

export const MAX_ENDPOINTS_PER_TENANT = 20;

export interface NewWebhookEndpoint {
  url: string;
  description: string;
  eventTypes: string[];
}

const withoutSecret = { secret: true } as const;

export const countWebhookEndpoints = (db: Db, ownerId: string) => db.webhookEndpoint.count({ where: { ownerId } });

/** `sealedSecret` as stored (see WebhookSecrets). */
export function createWebhookEndpoint(db: Db, ownerId: string, endpoint: NewWebhookEndpoint, sealedSecret: string) {
  return db.webhookEndpoint.create({
    data: { ownerId, url: endpoint.url, description: endpoint.description, eventTypes: JSON.stringify(endpoint.eventTypes), secret: sealedSecret },
    omit: withoutSecret,
  });
}

/** False when the owner has no endpoint with this id. Its deliveries and their attempts go with it. */
export async function deleteWebhookEndpoint(db: Db, ownerId: string, id: string): Promise<boolean> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id, ownerId } });
  return count > 0;
}

/** Replaces the secret; pending deliveries are signed with the new one. Undefined when not the owner's. */
export async function replaceWebhookSecret(db: Db, ownerId: string, id: string, sealedSecret: string) {
  const { count } = await db.webhookEndpoint.updateMany({ where: { id, ownerId }, data: { secret: sealedSecret } });
  return count > 0 ? db.webhookEndpoint.findUnique({ where: { id }, omit: withoutSecret }) : undefined;
}

export interface OutboxEvent {
  ownerId: string;
  taskId: string;
  eventId: number;
  eventType: string;
  /** The JSON body, fixed now. */
  payload: string;
  /** When it happened (the first attempt is due then). */
  at: Date;
}

const takes = (event: OutboxEvent) => (endpoint: { eventTypes: string }) => (JSON.parse(endpoint.eventTypes) as string[]).includes(event.eventType);

/** One delivery per endpoint of the owner that takes this event type; how many were written. */
export async function writeOutbox(tx: Tx, event: OutboxEvent): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { ownerId: event.ownerId }, select: { id: true, eventTypes: true } });
  const matching = endpoints.filter(takes(event));
  if (matching.length === 0) return 0;
  const { count } = await tx.webhookDelivery.createMany({
    data: matching.map((endpoint) => ({
      endpointId: endpoint.id,
      ownerId: event.ownerId,
      taskId: event.taskId,
      eventId: event.eventId,
      eventType: event.eventType,
      payload: event.payload,
      nextAttemptAt: event.at,
      createdAt: event.at,
    })),
  });
  return count;
}

/** writeOutbox on SQLite directly (see sqlite-direct.ts), inside the change's transaction. */
export function writeOutboxDirectly(sql: DirectStatements, event: OutboxEvent): number {
  const endpoints = sql.all<{ id: string; eventTypes: string }>(`SELECT "id", "eventTypes" FROM "WebhookEndpoint" WHERE "ownerId" = ?`, event.ownerId);
  const matching = endpoints.filter(takes(event));
  const at = sqliteDate(event.at);
  for (const endpoint of matching) {
    sql.run(
      `INSERT INTO "WebhookDelivery" ("id", "endpointId", "ownerId", "taskId", "eventId", "eventType", "payload", "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
      randomUUID(), endpoint.id, event.ownerId, event.taskId, event.eventId, event.eventType, event.payload, at, at,
    );
  }
  return matching.length;
}

/**
 * Where-clause for the owner's deliveries of one task. WebhookDelivery has no index on taskId; this
 * goes through the (endpointId, eventId) unique index instead: the task's events (indexed by task)
 * times the owner's endpoints (indexed by owner), a few dozen index lookups at most.
 */
export async function taskDeliveriesWhere(db: Db, ownerId: string, taskId: string, endpointId?: string) {
  const [events, endpoints] = await Promise.all([
    db.taskEvent.findMany({ where: { taskId, task: { ownerId } }, select: { id: true } }),
    endpointId ? [{ id: endpointId }] : db.webhookEndpoint.findMany({ where: { ownerId }, select: { id: true } }),
  ]);
  return {
    ownerId,
    taskId,
    endpointId: { in: endpoints.map((e) => e.id) },
    eventId: { in: events.map((e) => e.id) },
  };
}
