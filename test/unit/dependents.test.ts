// What holds a record back from the trash: the records that refer to it, never the parts it owns.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dependentsOf } from '../../server/src/records/dependents.ts'

/**
 * Each relation of the schema the database follows on delete (onDelete: Cascade) from a record that
 * goes to the trash (a model with deletedAt, the records dependentsOf is asked about): [owner, part].
 */
function cascades(): [string, string][] {
  const schema = readFileSync(path.resolve(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8')
  const models = new Map([...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => [name, body]))
  const trashable = (model: string) => /^\s+deletedAt\s/m.test(models.get(model) ?? '')
  const found: [string, string][] = []
  for (const [model, body] of models) {
    for (const [, owner] of (body ?? '').matchAll(/^\s+\w+\s+(\w+)\??\s+@relation\([^)]*onDelete: Cascade/gm)) {
      if (trashable(owner as string)) found.push([owner as string, model as string])
    }
  }
  return found
}

describe('dependentsOf', () => {
  it('finds the schema’s cascades (the check below reads them)', () => {
    expect(cascades()).toContainEqual(['Division', 'DivisionBoundary'])
    expect(cascades()).toContainEqual(['CareFacility', 'CarePrice'])
  })

  it.each(cascades())('%s is not held back by its %s (the database deletes it with it)', (owner, part) => {
    expect(dependentsOf(owner).map((dependent) => dependent.model)).not.toContain(part)
  })

  it('holds a source back by the citations that name it (a part of another record, Restrict on the source)', () => {
    expect(dependentsOf('Source')).toContainEqual(expect.objectContaining({ model: 'Citation', column: 'sourceId' }))
  })

  it('still names the records that refer to a division', () => {
    const models = dependentsOf('Division').map((dependent) => dependent.model)
    expect(models).toEqual(expect.arrayContaining(['Division', 'Settlement', 'Hospital', 'User', 'PeriodLock']))
  })
})
