// Tables written as files: an .xlsx workbook (exceljs, loaded when a file is saved) with a bold,
// frozen header row, typed cells and a sheet per table; or a CSV in UTF-8 with a byte order mark,
// which Excel opens with the Chinese intact.
import Papa from 'papaparse'
import { type Cell, cellText } from '../import/cells.ts'

export interface Sheet {
  name: string
  headers: string[]
  rows: Cell[][]
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Display width of a text: CJK characters take two columns. */
function width(text: string) {
  let columns = 0
  for (const char of text) columns += /[\u2e80-\uffff]/.test(char) ? 2 : 1
  return columns
}

export async function xlsxBlob(sheets: Sheet[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date()
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    worksheet.addRow(sheet.headers).font = { bold: true }
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (cell === undefined ? null : cell)))
    sheet.headers.forEach((header, index) => {
      const column = worksheet.getColumn(index + 1)
      const widest = Math.max(width(header), ...sheet.rows.slice(0, 500).map((row) => width(cellText(row[index]))))
      column.width = Math.min(60, Math.max(8, widest + 2))
      if (sheet.rows.some((row) => row[index] instanceof Date)) column.numFmt = 'yyyy-mm-dd'
    })
    if (sheet.headers.length) {
      worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } }
    }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: XLSX_TYPE })
}

/**
 * A CSV of one table, dates as YYYY-MM-DD, with a byte order mark for Excel. A cell that Excel would
 * run as a formula (=, +, -, @) is written with a leading apostrophe, which the import takes off.
 */
export function csvBlob(sheet: Sheet): Blob {
  const csv = Papa.unparse(
    {
      fields: sheet.headers,
      data: sheet.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cellText(cell)))),
    },
    { escapeFormulae: /^[=+\-@\t\r]/ },
  )
  return new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' })
}

export function saveFile(blob: Blob, filename: string) {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}
