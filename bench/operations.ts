// The operations the benchmarks measure.
import { DEFAULT_TENANT } from '../src/db/tenants.js';

export const LIST = /* GraphQL */ `{ tasks(first: 50) { edges { node { id videoName status platformTaskId createdAt expiresAt } } pageInfo { endCursor } } }`;

/**
 * The same page from PostGraphile 5 over the same table: the tenant's tasks, newest first, the same
 * fields (its `rowId` is the row's id; the service's `id` is a global id wrapping it).
 */
export const POSTGRAPHILE_LIST = /* GraphQL */ `{ allTasks(first: 50, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], condition: { ownerId: "${DEFAULT_TENANT}" }) { edges { node { id: rowId videoName status platformTaskId createdAt expiresAt } } pageInfo { endCursor } } }`;

/** The same page, filtered by a bound that differs on every request: never a cache hit. */
export const LIST_WITH_BOUND = /* GraphQL */ `
  query Bounded($before: DateTime) {
    tasks(first: 50, filter: { createdBefore: $before }) { edges { node { id videoName status platformTaskId createdAt expiresAt } } pageInfo { endCursor } }
  }
`;

export const CREATE = /* GraphQL */ `
  mutation Create($params: TakeoverParamsInput!) {
    createTakeoverVideo(videoName: "bench", params: $params) { __typename ... on CreateTakeoverVideoSuccess { task { id status } } }
  }
`;

/** The least a request can ask: what every request costs before its own work. */
export const TYPENAME = /* GraphQL */ `{ __typename }`;
