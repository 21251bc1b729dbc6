// A picked file as a table of cells: an .xlsx workbook's sheet (exceljs), or a CSV/TSV whose
// encoding is detected first (encoding.ts). The heavy libraries load only when a file is picked.
import Papa from 'papaparse'
import { type Cell, csvCell } from './cells.ts'
import { type DecodedText, decodeText, sniff, type TextEncodingName, UnreadableFile } from './encoding.ts'

export interface Table {
  rows: Cell[][]
  source: { kind: 'text'; encoding: TextEncodingName; bom: boolean } | { kind: 'xlsx'; sheet: string; sheets: string[] }
}

/** Characters parsed between two repaints of the progress bar. */
const PARSE_CHUNK = 256 * 1024

/** Parses delimited text (comma, tab or semicolon, as Papa Parse detects) in chunks, reporting progress. */
export function parseDelimited(text: string, onProgress: (fraction: number) => void = () => {}) {
  return new Promise<Cell[][]>((resolve, reject) => {
    const rows: Cell[][] = []
    let parsed = 0
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: 'greedy',
      chunkSize: PARSE_CHUNK,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const row of results.data) rows.push(row.map(csvCell))
        parsed += PARSE_CHUNK
        onProgress(Math.min(1, parsed / Math.max(1, text.length)))
        parser.pause()
        setTimeout(() => parser.resume(), 0)
      },
      complete: () => resolve(rows),
      error: (error: Error) => reject(error),
    })
  })
}

/** jschardet, loaded the first time a file is neither UTF-8 nor UTF-16. */
const detector = async () => (await import('jschardet')).default.detectAll

export async function decodeFile(bytes: Uint8Array): Promise<DecodedText> {
  return decodeText(bytes, detector)
}

/** The value of an exceljs cell: formulas by their result, rich text and links by their text. */
export function workbookCell(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (value instanceof Date || typeof value !== 'object') return value as Cell
  const object = value as Record<string, unknown>
  if ('result' in object) return workbookCell(object.result)
  if (Array.isArray(object.richText)) return object.richText.map((part: { text?: string }) => part.text ?? '').join('')
  if ('text' in object) return workbookCell(object.text)
  if ('error' in object) return String(object.error)
  return null
}

/** The rows of one sheet of an .xlsx workbook (the first, unless another is named). */
export async function readWorkbook(bytes: Uint8Array, sheet?: string): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  } catch {
    throw new UnreadableFile({ reason: 'binary' })
  }
  const sheets = workbook.worksheets.map((worksheet) => worksheet.name)
  const worksheet = (sheet && workbook.getWorksheet(sheet)) || workbook.worksheets[0]
  if (!worksheet) throw new UnreadableFile({ reason: 'empty' })
  const rows: Cell[][] = []
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = workbookCell(cell.value)
    })
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
    if (cells.some((cell) => cell !== null && String(cell).trim() !== '')) rows.push(cells)
  })
  return { rows, source: { kind: 'xlsx', sheet: worksheet.name, sheets } }
}

/** A picked file as a table; UnreadableFile when it is neither a workbook nor text the console reads. */
export async function readTable(
  file: Blob,
  { sheet, onProgress }: { sheet?: string; onProgress?: (fraction: number) => void } = {},
): Promise<Table> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (sniff(bytes) === 'xlsx') return readWorkbook(bytes, sheet)
  const decoded = await decodeFile(bytes)
  return {
    rows: await parseDelimited(decoded.text, onProgress),
    source: { kind: 'text', encoding: decoded.encoding, bom: decoded.bom },
  }
}

/**
 * The header row: the first of the first few rows in which a known column is named (an office
 * file may open with a title row); otherwise the first row.
 */
export function headerRowOf(rows: Cell[][], isHeader: (text: string) => boolean, within = 10): number {
  const found = rows.slice(0, within).findIndex((row) => row.some((cell) => isHeader(String(cell ?? ''))))
  return found === -1 ? 0 : found
}
