import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const LOCK_FILE = 'hub.lock'

/** Raised when another live process holds the embedded database. */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE'
}

/** True for PGlite locations that are files on this machine (not `memory://`, `idb://`, …). */
export const isFileDataDir = (dataDir: string) => !/^[a-z]+:\/\//.test(dataDir)

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Claims a PGlite data directory for this process. PGlite itself does not lock its directory, and
 * two processes writing one directory corrupt it, so every opener (hub, seeders, db:* commands)
 * takes this lock. A lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(file, 'utf8').trim())
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DataDirInUseError(
          `The embedded database in ${dataDir} is in use by process ${holder}${holder === process.pid ? ' (this one)' : ' (a running hub?)'}: stop it first, then try again. (If that process is not a hub, delete ${file}.)`,
        )
      }
      rmSync(file, { force: true }) // stale: its process has ended
    }
  }
  throw new DataDirInUseError(`Could not lock the embedded database in ${dataDir}`)
}
