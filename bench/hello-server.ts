// The baseline: a bare graphql-yoga hello world, as small as a yoga server gets.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
  logging: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  console.log(`hello world on http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
});
