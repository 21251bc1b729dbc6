// The console's registry of record resources is read from the checked-in schema: every record
// type of the hub is a resource with its references, and has its folder of pages.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { buildSchema, isEnumType } from 'graphql'
import { describe, expect, it } from 'vitest'
import { databaseId, globalId, RESOURCES, resourceOfType } from '../../admin/src/providers/resources.ts'

const sdl = readFileSync(path.resolve(import.meta.dirname, '../../server/schema.graphql'), 'utf8')
const recordType = buildSchema(sdl).getType('RecordType')
const recordTypes = isEnumType(recordType) ? recordType.getValues().map((value) => value.name) : []

describe('record resources', () => {
  it('are every record type of the hub, named by its list field', () => {
    expect(recordTypes.length).toBeGreaterThanOrEqual(10)
    expect(Object.values(RESOURCES).map((api) => api.type)).toEqual(recordTypes)
    expect(resourceOfType('CareFacility')).toBe('careFacilities')
    expect(resourceOfType('IndustrialPark')).toBe('industrialParks')
  })

  it('know where each reference input points', () => {
    expect(RESOURCES.hospitals?.references).toEqual({ divisionId: 'divisions' })
    expect(RESOURCES.divisions?.references).toEqual({ parentId: 'divisions' })
    expect(RESOURCES.enterprises?.references).toMatchObject({ parkId: 'industrialParks', communityId: 'communities' })
    expect(RESOURCES.industrialParks?.idLists).toEqual({
      supportedSettlementIds: { connection: 'supportedSettlements', reference: 'settlements' },
    })
  })

  it('each have a folder of console pages', () => {
    for (const resource of Object.keys(RESOURCES)) {
      expect(existsSync(path.resolve(import.meta.dirname, `../../admin/src/${resource}/index.ts`)), resource).toBe(true)
    }
  })

  it('turn global IDs into database ids and back', () => {
    expect(databaseId(globalId('Hospital', 12))).toBe(12)
    expect(databaseId(globalId('Hospital', 12), 'School')).toBeUndefined()
    expect(databaseId('not base64!')).toBeUndefined()
  })
})
