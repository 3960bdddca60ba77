// Builds the GraphQL app from its dependencies. No side effects: main.ts and the tests own the
// process, the database and the platform client.
import { createYoga } from 'graphql-yoga';
import type { Db } from './db/client.js';
import type { PlatformClient } from './platform/client.js';
import { schema } from './schema/index.js';
import { graphiqlExample } from './schema/graphiql-example.js';
import { TakeoverSubmitter } from './submission/submit-takeover.js';

export interface AppDependencies {
  db: Db;
  platform: PlatformClient;
}

export function createApp({ db, platform }: AppDependencies) {
  const submitter = new TakeoverSubmitter(db, platform);
  return createYoga({
    schema,
    context: () => ({ db, submitter }),
    graphiql: { title: 'Takeover video API', defaultQuery: graphiqlExample },
    landingPage: false,
  });
}

export type App = ReturnType<typeof createApp>;
