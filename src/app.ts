// Builds the GraphQL app from its dependencies. No side effects: main.ts and the tests own the
// process, the database and the platform client.
import { createYoga } from 'graphql-yoga';
import type { Database } from './db/client.js';
import type { PlatformClient } from './platform/client.js';
import { schema } from './schema/index.js';
import { graphiqlExample } from './schema/graphiql-example.js';
import { TakeoverSubmitter } from './submission/submit-takeover.js';

export interface AppDependencies {
  database: Database;
  platform: PlatformClient;
}

/** Until API keys arrive, everything belongs to one owner. */
const DEFAULT_OWNER = 'default';

export function createApp({ database, platform }: AppDependencies) {
  const { db, provider } = database;
  const submitter = new TakeoverSubmitter(db, platform);
  return createYoga({
    schema,
    context: () => ({ db, provider, ownerId: DEFAULT_OWNER, submitter }),
    graphiql: { title: 'Takeover video API', defaultQuery: graphiqlExample },
    landingPage: false,
  });
}

export type App = ReturnType<typeof createApp>;
