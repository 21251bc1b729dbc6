import { addAggregate } from './aggregate-api.ts'
import { addRootConnection } from './connections.ts'
import { addMutations } from './mutations.ts'
import type { Family } from './registry.ts'

/** The root list, aggregates and mutations of a record family. */
export function addRecordApi(f: Family) {
  addRootConnection(f)
  addAggregate(f)
  addMutations(f)
}
