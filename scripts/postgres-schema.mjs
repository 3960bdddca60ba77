// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma: same models, the
// PostgreSQL provider, its own generated client, no second Pothos types file.
export function derivePostgresSchema(sqliteSchema) {
  const generatorBlocks = /generator (\w+) \{[^}]*\}\n*/g;
  const models = sqliteSchema
    .replace(/^\/\/.*\n/gm, '')
    .replace(generatorBlocks, '')
    .replace(/datasource db \{[^}]*\}\n*/, '');
  return `// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs. Do not edit.
generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/prisma-postgres"
  moduleFormat = "esm"
  compilerBuild = "small"
}

datasource db {
  provider = "postgresql"
}

${models.trimStart()}`;
}
