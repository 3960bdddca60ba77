import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for frontends (and our own tests) from the checked-in schema.graphql.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/operations/**/*.graphql'],
  generates: {
    'client/generated/': {
      preset: 'client',
      // Plain result types (no fragment masking): simpler for clients that do not use React hooks.
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as typed strings: the installable client (client/package.json) sends them as
        // they are, with no graphql runtime to print an AST.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // DateTime travels as an ISO 8601 string.
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
