// Prisma's datamodel as Pothos's generator writes it. getDatamodel() parses it from its JSON on
// every call (milliseconds: half an update's CPU when a write path asked for it per request), so
// the server parses it once.
import { getDatamodel } from '@minsheng/db/pothos-types'

let parsed: ReturnType<typeof getDatamodel> | undefined

export const datamodel = () => {
  parsed ??= getDatamodel()
  return parsed
}
