// The ceiling: this service's own schema (schema.graphql) on a bare graphql-yoga, with resolvers
// that answer from memory. No Pothos, no database, no API key, no validation beyond GraphQL's own,
// no platform call: what any implementation of this API on graphql-yoga could do at best.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const now = new Date().toISOString();
const node = (n: number) => ({
  id: Buffer.from(`Task:${crypto.randomUUID()}`).toString('base64'),
  videoName: `video ${n}`,
  status: 'SUBMITTED',
  platformTaskId: String(n),
  createdAt: now,
  expiresAt: now,
});
const page = { edges: Array.from({ length: 50 }, (_, n) => ({ node: node(n), cursor: String(n) })), pageInfo: { endCursor: '49' } };

const yoga = createYoga({
  schema: createSchema({
    typeDefs: readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
    resolvers: {
      Query: { tasks: () => page },
      Mutation: { createTakeoverVideo: () => ({ __typename: 'CreateTakeoverVideoSuccess', task: node(0) }) },
      CreateTakeoverVideoResult: { __resolveType: (result: { __typename: string }) => result.__typename },
    },
  }),
  logging: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  console.log(`ceiling on http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
});
