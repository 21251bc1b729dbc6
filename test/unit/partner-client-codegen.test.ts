// The partner's client (examples/partner-sync/src/gql/) is generated from server/schema.graphql and
// committed: a schema change that changes or breaks it fails here until `pnpm codegen` is run and
// its output committed (and looked at: a partner's client that changes is a partner's problem).
import { staleGeneratedFiles } from '@minsheng/partner-sync-example/generated-check'
import { describe, expect, it } from 'vitest'

describe('the partner client’s generated code', () => {
  it('is what GraphQL Code Generator writes from the current schema', async () => {
    expect(await staleGeneratedFiles(), 'run `pnpm --filter @minsheng/partner-sync-example codegen`').toEqual([])
  })
})
