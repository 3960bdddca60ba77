import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

describe('schema.graphql', () => {
  it('is the printed Pothos schema (run `npm run schema:print` after changing the schema)', () => {
    expect(readFileSync('schema.graphql', 'utf8')).toBe(`${printSchema(schema)}\n`);
  });

  it('documents every type, input field and argument', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation', 'PageInfo'].includes(type.name) && !type.name.endsWith('Edge') && !type.name.endsWith('Connection')) {
        undocumented.push(type.name);
      }
      if ('getFields' in type && type.constructor.name === 'GraphQLInputObjectType') {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !['resolution', 'digitalRole', 'watermark', 'ttsConfig', 'ttsQuery'].includes(field.name)) {
            undocumented.push(`${type.name}.${field.name}`);
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
