import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for frontends (and our own tests) from the checked-in schema.graphql.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/operations/**/*.graphql'],
  generates: {
    'client/generated/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
