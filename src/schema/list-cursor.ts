// Opaque list cursors. A cursor carries its keyset position (createdAt, id), the list it came
// from and a tag of the tenant it was issued to; it is accepted only by that tenant's same list.
// No secret is needed: a cursor only positions the caller's own query (whose where clause always
// holds the caller's owner id) and never names a row to look up, so a forged cursor can do no more
// than choose where in the caller's own list a page starts. The tag makes another tenant's cursor
// (or another list's) a clear error instead of a position, and cursors stay valid across restarts
// and replicas.
import { createHash } from 'node:crypto';
import type { KeysetPosition } from '../db/keyset.js';
import { badInput } from './input-error.js';

export type ListName = 'tasks' | 'presets' | 'webhookEndpoints' | 'webhookDeliveries';

export const MAX_CURSOR_LENGTH = 200;

/** The same for every cursor a tenant is given; not the tenant id itself. */
export const tenantTag = (ownerId: string) => createHash('sha256').update(`list-cursor\u0000${ownerId}`).digest('base64url').slice(0, 16);

export function encodeCursor(list: ListName, tag: string, row: KeysetPosition): string {
  return Buffer.from(`v1:${list}:${tag}:${row.createdAt.getTime()}:${row.id}`).toString('base64url');
}

const CURSOR = /^v1:(tasks|presets|webhookEndpoints|webhookDeliveries):([\w-]{16}):(\d{1,15}):([0-9a-f-]{36})$/;

/** The position in `cursor`, or a BAD_USER_INPUT error at `path` unless it is a cursor of this tenant's `list`. */
export function decodeCursor(list: ListName, tag: string, cursor: string, path: string): KeysetPosition {
  const match = cursor.length <= MAX_CURSOR_LENGTH && /^[\w-]+$/.test(cursor) ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString()) : null;
  if (!match || match[1] !== list || match[2] !== tag) {
    throw badInput([{ path, message: `not a cursor of this ${list} list: use a cursor from a page of the same list` }]);
  }
  return { createdAt: new Date(Number(match[3])), id: match[4]! };
}
