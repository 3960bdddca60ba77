// Prints the Pothos schema to schema.graphql (checked in; test/schema-file.test.ts fails when stale).
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

writeFileSync('schema.graphql', `${printSchema(schema)}\n`);
console.log('Wrote schema.graphql');
