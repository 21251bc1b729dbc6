// Runs a db:* command: its errors are printed as one clear line (no stack trace), exit code 1;
// usage errors exit 2.
import { type ParseArgsConfig, parseArgs } from 'node:util'

export class UsageError extends Error {}

export function args<T extends ParseArgsConfig['options']>(usage: string, options: T) {
  try {
    return parseArgs({ options, allowPositionals: true, strict: true })
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`)
    process.exit(2)
  }
}

export async function run(main: () => Promise<void>, usage: string) {
  try {
    await main()
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nusage: ${usage}`)
      process.exit(2)
    }
    console.error(`Error: ${(error as Error).message}`)
    if (process.env.DEBUG) console.error(error)
    process.exit(1)
  }
}

/** A timestamp for default file names: 20261128-143501. */
export const fileStamp = (date = new Date()) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)

export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
