// Reading and writing the export file as a stream of lines, gzip-compressed by name (.gz) on the
// way out and by content on the way in, so no file is ever held in memory whole.
import { createReadStream, createWriteStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'

const GZIP_MAGIC = [0x1f, 0x8b]

/**
 * Writes the chunks to `file`, through gzip when its name ends in .gz. The file appears only when
 * complete: it is written under another name and renamed at the end.
 */
export async function writeChunks(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const partial = `${file}.partial`
  const output = createWriteStream(partial)
  try {
    if (file.endsWith('.gz')) await pipeline(Readable.from(chunks), createGzip(), output)
    else await pipeline(Readable.from(chunks), output)
    await rename(partial, file)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}

/** The lines of `file`, gunzipped when it is gzip-compressed. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const handle = await open(file)
  const start = Buffer.alloc(2)
  await handle.read(start, 0, 2, 0)
  await handle.close()
  const raw = createReadStream(file)
  const input = start[0] === GZIP_MAGIC[0] && start[1] === GZIP_MAGIC[1] ? raw.pipe(createGunzip()) : raw
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  try {
    for await (const line of lines) if (line !== '') yield line
  } finally {
    lines.close()
    raw.destroy()
  }
}
