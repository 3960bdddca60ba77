// The webhook worker's side of the outbox: claiming due deliveries (one replica each), recording
// attempts, pruning old ones. Every decision is a conditional write, so replicas need no other
// coordination and a restarted process finds everything it needs in the table.
import type { Db } from './client.js';

/**
 * Claims up to `limit` due PENDING deliveries until `until`. Each claim is an UPDATE whose WHERE
 * repeats the "due and unclaimed" test, so of two replicas racing for a row only one matches it
 * (PostgreSQL re-checks the WHERE after waiting for the other's row lock; SQLite has one writer).
 */
export async function claimDueDeliveries(db: Db, now: Date, until: Date, limit: number): Promise<string[]> {
  const due = { status: 'PENDING' as const, nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
  const candidates = await db.webhookDelivery.findMany({ where: due, select: { id: true }, orderBy: { nextAttemptAt: 'asc' }, take: limit });
  const claimed: string[] = [];
  for (const { id } of candidates) {
    const { count } = await db.webhookDelivery.updateMany({ where: { id, ...due }, data: { claimedUntil: until } });
    if (count === 1) claimed.push(id);
  }
  return claimed;
}

/** What sending a claimed delivery needs; null when its endpoint was deleted meanwhile. */
export function readDeliveryToSend(db: Db, id: string) {
  return db.webhookDelivery.findUnique({
    where: { id },
    select: {
      id: true,
      taskId: true,
      eventId: true,
      payload: true,
      attempts: true,
      createdAt: true,
      claimedUntil: true,
      endpoint: { select: { url: true, secret: true } },
    },
  });
}

export interface AttemptRecord {
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type AttemptOutcome = { status: 'DELIVERED' } | { status: 'PENDING'; nextAttemptAt: Date } | { status: 'FAILED' };

/**
 * Writes the attempt, and the delivery's new state if this instance still holds the claim it sent
 * under (`claimedUntil`); false when the claim had expired and another replica took the delivery.
 */
export async function recordAttempt(db: Db, id: string, claimedUntil: Date, attempt: AttemptRecord, outcome: AttemptOutcome): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id, status: 'PENDING', claimedUntil },
      data: {
        status: outcome.status,
        attempts: { increment: 1 },
        claimedUntil: null,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error,
        ...(outcome.status === 'DELIVERED' && { deliveredAt: attempt.at }),
        ...(outcome.status === 'PENDING' && { nextAttemptAt: outcome.nextAttemptAt }),
      },
    });
    await tx.webhookAttempt.create({ data: { deliveryId: id, ...attempt } });
    return count === 1;
  });
}

/** Deletes DELIVERED and FAILED deliveries (and their attempts) of events before `before`. */
export async function pruneFinishedDeliveries(db: Db, before: Date): Promise<number> {
  const { count } = await db.webhookDelivery.deleteMany({ where: { status: { in: ['DELIVERED', 'FAILED'] }, createdAt: { lt: before } } });
  return count;
}
