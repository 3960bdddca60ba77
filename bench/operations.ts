// The operations the benchmarks measure.
export const LIST = /* GraphQL */ `{ tasks(first: 50) { edges { node { id videoName status platformTaskId createdAt expiresAt } } pageInfo { endCursor } } }`;

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
