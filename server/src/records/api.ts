import { addAggregate, addRootConnection, type Family } from './family.ts'
import { addMutations } from './mutations.ts'

/** The root list, aggregates and mutations of a record family. */
export function addRecordApi(f: Family) {
  addRootConnection(f)
  addAggregate(f)
  addMutations(f)
}
