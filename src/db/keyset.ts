// Keyset pagination over (createdAt, id), newest first, on the (ownerId, createdAt, id) indexes.
// A position is only ever compared with, never looked up: the caller's where clause (which always
// holds the owner) decides which rows exist at all.

export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
export const OLDEST_FIRST = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

// `createdAt <= c AND (createdAt < c OR id < i)` rather than the OR alone: the first term is what
// lets the index seek straight to the position instead of scanning from the newest row.
export const olderThan = ({ createdAt, id }: KeysetPosition) => ({
  createdAt: { lte: createdAt },
  OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }],
});

export const newerThan = ({ createdAt, id }: KeysetPosition) => ({
  createdAt: { gte: createdAt },
  OR: [{ createdAt: { gt: createdAt } }, { id: { gt: id } }],
});
