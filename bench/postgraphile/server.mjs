// The PostgreSQL peer of `npm run bench`: PostGraphile 5 (amber preset) over the service's own
// "Task" table, as a user who picked PostGraphile instead would run it: no response cache, its
// default pg pool (10 connections, as the service's), no GraphiQL, no schema watching. Only the
// Task table is exposed, read-only, with its columns as they are (the Node interface is disabled
// so `id` is the row's id, which makes the bench's check that both return the same page direct).
//   DATABASE_URL=postgresql://… node bench/postgraphile/server.mjs
import './with-resolvers.mjs';
import { createServer } from 'node:http';
import { makePgService } from '@dataplan/pg/adaptors/pg';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';

const hidden = { tags: { behavior: '-*' } };
const preset = {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['NodePlugin'],
  plugins: [
    jsonPgSmartTags({
      version: 1,
      config: {
        class: {
          Task: { tags: { behavior: '-insert -update -delete' } },
          Preset: hidden,
          PresetTag: hidden,
          PresetVersion: hidden,
          Tenant: hidden,
          ApiKey: hidden,
          _prisma_migrations: hidden,
        },
      },
    }),
  ],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  grafserv: { graphiql: false, watch: false, websockets: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
await pgl.getSchema();
const server = createServer();
serv.addTo(server);
server.listen(0, '127.0.0.1', () => {
  console.log(`postgraphile on http://127.0.0.1:${server.address().port}/graphql`);
});
process.once('SIGTERM', () => server.close(() => void Promise.resolve(pgl.release()).then(() => process.exit(0))));
