// GraphQL Code Generator: the hub's schema and this partner's operations in, typed documents out
// (src/gql/, committed so a fresh clone type-checks; `pnpm codegen` writes it again and
// scripts/generated-check.ts fails when it differs from what a run would write).
import path from 'node:path'
import type { CodegenConfig } from '@graphql-codegen/cli'

const here = import.meta.dirname

const config: CodegenConfig = {
  schema: path.join(here, '../../server/schema.graphql'),
  documents: [path.join(here, 'src/operations.graphql')],
  // A schema change that breaks an operation fails the run rather than writing a partial client.
  noSilentErrors: true,
  generates: {
    [`${path.join(here, 'src/gql')}/`]: {
      preset: 'client',
      // The partner reads whole records: fragment masking is for UI components, not a replica.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // How the hub sends its scalars over JSON (server/schema.graphql describes each).
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Decimal: 'string',
          JSON: 'unknown',
          Latitude: 'number',
          Longitude: 'number',
          NonNegativeInt: 'number',
        },
      },
    },
  },
}

export default config
