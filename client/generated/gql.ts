/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CreateTakeoverVideo($videoName: String!, $thumbnailUrl: String, $params: TakeoverParamsInput!) {\n  createTakeoverVideo(\n    videoName: $videoName\n    thumbnailUrl: $thumbnailUrl\n    params: $params\n  ) {\n    __typename\n    ... on CreateTakeoverVideoSuccess {\n      task {\n        id\n        status\n        platformTaskId\n        expiresAt\n      }\n    }\n    ... on ValidationError {\n      message\n      issues {\n        path\n        message\n      }\n    }\n    ... on PlatformRejectedError {\n      message\n      code\n      platformMessage\n      task {\n        id\n        status\n      }\n    }\n    ... on PlatformUnreachableError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n    ... on SubmissionOutcomeUnknownError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n  }\n}": typeof types.CreateTakeoverVideoDocument,
    "query Tasks($first: Int, $after: String) {\n  tasks(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        videoName\n        status\n        platformTaskId\n        createdAt\n        expiresAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.TasksDocument,
};
const documents: Documents = {
    "mutation CreateTakeoverVideo($videoName: String!, $thumbnailUrl: String, $params: TakeoverParamsInput!) {\n  createTakeoverVideo(\n    videoName: $videoName\n    thumbnailUrl: $thumbnailUrl\n    params: $params\n  ) {\n    __typename\n    ... on CreateTakeoverVideoSuccess {\n      task {\n        id\n        status\n        platformTaskId\n        expiresAt\n      }\n    }\n    ... on ValidationError {\n      message\n      issues {\n        path\n        message\n      }\n    }\n    ... on PlatformRejectedError {\n      message\n      code\n      platformMessage\n      task {\n        id\n        status\n      }\n    }\n    ... on PlatformUnreachableError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n    ... on SubmissionOutcomeUnknownError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n  }\n}": types.CreateTakeoverVideoDocument,
    "query Tasks($first: Int, $after: String) {\n  tasks(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        videoName\n        status\n        platformTaskId\n        createdAt\n        expiresAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.TasksDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateTakeoverVideo($videoName: String!, $thumbnailUrl: String, $params: TakeoverParamsInput!) {\n  createTakeoverVideo(\n    videoName: $videoName\n    thumbnailUrl: $thumbnailUrl\n    params: $params\n  ) {\n    __typename\n    ... on CreateTakeoverVideoSuccess {\n      task {\n        id\n        status\n        platformTaskId\n        expiresAt\n      }\n    }\n    ... on ValidationError {\n      message\n      issues {\n        path\n        message\n      }\n    }\n    ... on PlatformRejectedError {\n      message\n      code\n      platformMessage\n      task {\n        id\n        status\n      }\n    }\n    ... on PlatformUnreachableError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n    ... on SubmissionOutcomeUnknownError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n  }\n}"): (typeof documents)["mutation CreateTakeoverVideo($videoName: String!, $thumbnailUrl: String, $params: TakeoverParamsInput!) {\n  createTakeoverVideo(\n    videoName: $videoName\n    thumbnailUrl: $thumbnailUrl\n    params: $params\n  ) {\n    __typename\n    ... on CreateTakeoverVideoSuccess {\n      task {\n        id\n        status\n        platformTaskId\n        expiresAt\n      }\n    }\n    ... on ValidationError {\n      message\n      issues {\n        path\n        message\n      }\n    }\n    ... on PlatformRejectedError {\n      message\n      code\n      platformMessage\n      task {\n        id\n        status\n      }\n    }\n    ... on PlatformUnreachableError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n    ... on SubmissionOutcomeUnknownError {\n      message\n      task {\n        id\n        status\n        failureReason\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tasks($first: Int, $after: String) {\n  tasks(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        videoName\n        status\n        platformTaskId\n        createdAt\n        expiresAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Tasks($first: Int, $after: String) {\n  tasks(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        videoName\n        status\n        platformTaskId\n        createdAt\n        expiresAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;