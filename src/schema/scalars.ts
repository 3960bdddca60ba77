import { DateTimeResolver } from 'graphql-scalars';
import { builder } from './builder.js';

// graphql-scalars serialises to a Date and leaves the string to JSON.stringify, which costs twice
// toISOString; a cached result would pay it again on every hit.
builder.scalarType('DateTime', {
  description: DateTimeResolver.description ?? undefined,
  specifiedByURL: DateTimeResolver.specifiedByURL ?? undefined,
  // A valid Date (what every resolver returns) directly; anything else as graphql-scalars judges it.
  serialize: (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : (DateTimeResolver.serialize(value) as Date)).toISOString(),
  parseValue: (value) => DateTimeResolver.parseValue(value) as Date,
  parseLiteral: (ast) => DateTimeResolver.parseLiteral(ast, {}) as Date,
});
