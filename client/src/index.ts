// @takeover/client: the typed documents of every operation (generated from the service's
// schema.graphql and client/operations), their result and input types, and a fetch helper that
// returns the typed results or a typed transport error.
export * from '../generated/graphql.js';
export { createClient, type ClientOptions, type TakeoverClient, type TypedDocument } from './request.js';
export { transportError, type GraphQLErrorEntry, type Result, type TransportError } from './transport-error.js';
