// Files as a county office has them, in Chromium against a real hub: .xlsx workbooks and CSV in
// UTF-8, GBK, GB18030 and UTF-16 written here as Excel writes them, with Chinese headers and labels;
// exports that a person can read and that change nothing when imported back; templates; refusals.
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestHub } from '../setup/hub.ts'
import { type ConsoleBrowser, consoleSession, type Page, type ViewportName } from './browser.ts'

let hub: TestHub
let browser: ConsoleBrowser
let page: Page

const session = consoleSession()
beforeAll(async () => {
  ;({ hub, browser, page } = session)
  await browser.signInAs('admin', '/')
})
// Each test starts on the desktop screen (a failed phone test leaves the phone's size behind).
beforeEach(() => browser.useViewport('desktop'))

const today = () => {
  const date = new Date()
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

async function divisionId(nameZh: string) {
  const { divisions } = await hub.data<{ divisions: { nodes: { id: string }[] } }>(
    'query ($name: String!) { divisions(where: { nameZh: { equals: $name } }) { nodes { id } } }',
    { name: nameZh },
  )
  return divisions.nodes[0]?.id as string
}

async function hospitalsNamed(search: string) {
  const { hospitals } = await hub.data<{
    hospitals: { nodes: { nameZh: string; role: string; plannedBeds: number | null; division: { nameZh: string } }[] }
  }>(
    'query ($q: String) { hospitals(search: $q, orderBy: [{ field: NAME_ZH, direction: ASC }]) { nodes { nameZh role plannedBeds division { nameZh } } } }',
    { q: search },
  )
  return hospitals.nodes
}

async function openImport(resource: string) {
  await page.goto(`/#/${resource}`)
  await page.getByRole('button', { name: '导入' }).click()
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1)
}

async function pickFile(name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer })
}

const summary = () => page.getByTestId('import-summary').textContent()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function closeDialog() {
  await page.getByRole('button', { name: '关闭' }).click()
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
}

/** Downloads what a click starts; returns the file's name and bytes. */
async function download(click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
}

async function exportList(format: 'xlsx' | 'csv') {
  return download(async () => {
    await page.getByRole('button', { name: '导出' }).click()
    await page.getByRole('menuitem', { name: format === 'xlsx' ? /Excel 工作簿/ : /^CSV/ }).click()
  })
}

async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

const GBK_ROWS = [
  '中文名称,所在区划,类型,规划床位,专科中心',
  'GBK导入测试医院甲,绥江县,综合医院,300,心血管|肿瘤',
  'GBK导入测试医院乙,绥江县/中城镇/福兴社区,乡镇卫生院,,',
].join('\r\n')

describe('export', () => {
  it.each(['desktop', 'phone'] as ViewportName[])(
    'writes the filtered list as .xlsx with Chinese headers, typed cells and a frozen header (%s)',
    async (viewport) => {
      await browser.useViewport(viewport)
      const suijiang = await divisionId('绥江县')
      await page.goto(`/#/careFacilities?filter=${encodeURIComponent(JSON.stringify({ withinDivision: suijiang }))}`)
      await expect.poll(() => page.getByText(/共 \d+ 条|第 1-\d+ 条/).count()).toBeGreaterThan(0)
      const file = await exportList('xlsx')
      expect(file.name).toBe(`一老一小设施_绥江县_${today()}.xlsx`)
      const workbook = await readWorkbook(file.bytes)
      const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
      expect(sheet.name).toBe('一老一小设施')
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      const headers = (sheet.getRow(1).values as unknown[]).slice(1)
      expect(headers.slice(0, 5)).toEqual(['编号', '中文名称', '英文名称', '所在区划', '所在区划代码'])
      expect(headers).not.toContain('所在区划 ID')
      const column = (header: string) => headers.indexOf(header) + 1
      const canteenRow = sheet
        .getRows(2, sheet.rowCount - 1)
        ?.find((row) => row.getCell(column('中文名称')).value === '福兴社区老年幸福食堂')
      expect(canteenRow).toBeDefined()
      expect(canteenRow?.getCell(column('所在区划')).value).toBe('绥江县/中城镇/福兴社区')
      expect(canteenRow?.getCell(column('类型')).value).toBe('老年幸福食堂')
      expect(typeof canteenRow?.getCell(column('编号')).value).toBe('number')
      expect(typeof canteenRow?.getCell(column('服务人数')).value).toBe('number')
      expect(String(canteenRow?.getCell(column('收费标准')).value)).toMatch(/^起始年龄：60，价格（元）：5/)
      const { careFacilities } = await hub.data<{ careFacilities: { totalCount: number } }>(
        'query ($id: ID!) { careFacilities(where: { withinDivision: $id }) { totalCount } }',
        { id: suijiang },
      )
      expect(sheet.rowCount).toBe(careFacilities.totalCount + 1)
      await browser.useViewport('desktop')
    },
  )

  it('writes dates as dates', async () => {
    await page.goto('/#/hospitals')
    await expect.poll(() => page.getByText(/共 \d+ 条|第 1-\d+ 条/).count()).toBeGreaterThan(0)
    const file = await exportList('xlsx')
    expect(file.name).toBe(`医院_${today()}.xlsx`)
    const sheet = (await readWorkbook(file.bytes)).worksheets[0] as ExcelJS.Worksheet
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    const opened = sheet.getColumn(headers.indexOf('启用日期') + 1).values.slice(2)
    expect(opened.some((value) => value instanceof Date)).toBe(true)
  })

  it('imports its own .xlsx and CSV back without changing anything', async () => {
    const suijiang = await divisionId('绥江县')
    const filtered = `/#/careFacilities?filter=${encodeURIComponent(JSON.stringify({ withinDivision: suijiang }))}`
    for (const format of ['xlsx', 'csv'] as const) {
      await page.goto(filtered)
      await expect.poll(() => page.getByText(/共 \d+ 条|第 1-\d+ 条/).count()).toBeGreaterThan(0)
      const file = await exportList(format)
      if (format === 'csv') {
        expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
        expect(file.bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^编号,中文名称,英文名称,所在区划/)
      }
      const { careFacilities } = await hub.data<{ careFacilities: { totalCount: number } }>(
        'query ($id: ID!) { careFacilities(where: { withinDivision: $id }) { totalCount } }',
        { id: suijiang },
      )
      await page.getByRole('button', { name: '导入' }).click()
      await pickFile(file.name, file.bytes)
      await expect.poll(summary).toBe(`将新建 0 条将更新 0 条有误 0 行无变化 ${careFacilities.totalCount} 行`)
      expect(await page.getByRole('button', { name: '导入 0 条' }).isDisabled()).toBe(true)
      await browser.screenshot(`files-reimport-${format}-unchanged`)
      await closeDialog()
    }
  })
})

describe('import', () => {
  it('reads a GBK CSV with Chinese headers, labels and a division path, and says it is GBK', async () => {
    await openImport('hospitals')
    await pickFile('医院.csv', iconv.encode(GBK_ROWS, 'gbk'))
    await expect.poll(() => page.getByTestId('import-source').textContent()).toBe('检测到编码：GBK')
    await expect.poll(summary).toBe('将新建 2 条将更新 0 条有误 0 行')
    // Rows without English names: the hub's quality warnings, beside the plan (they do not stop it).
    await expect.poll(() => page.getByTestId('import-warning-count').textContent()).toMatch(/^\d+ 条质量提示$/)
    await browser.screenshot('files-gbk-dry-run')
    expect(await hospitalsNamed('GBK导入测试医院')).toEqual([])
    await page.getByRole('button', { name: '导入 2 条' }).click()
    await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(/^全部 2 行已在同一个事务中写入/)
    expect(await hospitalsNamed('GBK导入测试医院')).toEqual([
      {
        nameZh: 'GBK导入测试医院乙',
        role: 'TOWNSHIP_HEALTH_CENTRE',
        plannedBeds: null,
        division: { nameZh: '福兴社区' },
      },
      { nameZh: 'GBK导入测试医院甲', role: 'GENERAL_HOSPITAL', plannedBeds: 300, division: { nameZh: '绥江县' } },
    ])
    await closeDialog()
  })

  it.each([
    ['GB18030', 'gb18030', '检测到编码：GB18030', 'GB18030导入测试医院𠀀'],
    [
      'UTF-16 (Excel "Unicode text", tab-separated)',
      'utf16le-tsv',
      '检测到编码：UTF-16LE（带 BOM）',
      'UTF16导入测试医院',
    ],
    ['UTF-8 without a BOM', 'utf8', '检测到编码：UTF-8', 'UTF8导入测试医院'],
  ])('reads %s', async (_name, encoding, shown, hospital) => {
    await openImport('hospitals')
    const text = `中文名称,所在区划代码,类型,规划床位\r\n${hospital},530626,专科医院,88\r\n`
    const buffer =
      encoding === 'utf16le-tsv'
        ? iconv.encode(text.replaceAll(',', '\t'), 'utf16-le', { addBOM: true })
        : iconv.encode(text, encoding)
    await pickFile('hospitals.csv', buffer)
    await expect.poll(() => page.getByTestId('import-source').textContent()).toBe(shown)
    await expect.poll(summary).toBe('将新建 1 条将更新 0 条有误 0 行')
    await page.getByRole('button', { name: '导入 1 条' }).click()
    await expect.poll(() => page.getByTestId('import-result').count()).toBe(1)
    expect((await hospitalsNamed(hospital)).map((row) => row.nameZh)).toEqual([hospital])
    await closeDialog()
  })

  it('reads an .xlsx with a title row above the headers, and a sheet the operator chooses', async () => {
    const workbook = new ExcelJS.Workbook()
    const notes = workbook.addWorksheet('说明')
    notes.addRow(['本表由绥江县卫健局填报'])
    const data = workbook.addWorksheet('医院')
    data.addRow(['绥江县医院名录（2026年）'])
    data.addRow(['中文名称', '所在区划', '类型', '规划床位', '启用日期'])
    data.addRow(['XLSX导入测试医院', '绥江县', '综合医院', 120, new Date(Date.UTC(2023, 2, 15))])
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    await openImport('hospitals')
    await pickFile('医院名录.xlsx', buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    await expect.poll(() => page.getByTestId('import-source').textContent()).toBe('工作表：说明')
    await expect.poll(() => page.getByTestId('import-error').textContent()).toBe('文件里没有数据行。')
    await page.getByTestId('import-sheet').click()
    await page.getByRole('option', { name: '医院' }).click()
    await expect.poll(() => page.getByTestId('import-source').textContent()).toBe('工作表：医院')
    await expect.poll(summary).toBe('将新建 1 条将更新 0 条有误 0 行')
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('3新建XLSX导入测试医院')
    await browser.screenshot('files-xlsx-dry-run')
    await page.getByRole('button', { name: '导入 1 条' }).click()
    await expect.poll(() => page.getByTestId('import-result').count()).toBe(1)
    const { hospitals } = await hub.data<{ hospitals: { nodes: { openedOn: string; plannedBeds: number }[] } }>(
      '{ hospitals(search: "XLSX导入测试医院") { nodes { openedOn plannedBeds } } }',
    )
    expect(hospitals.nodes).toEqual([{ openedOn: '2023-03-15', plannedBeds: 120 }])
    await closeDialog()
  })

  it("tells what only the hub knows (a code already taken) in Chinese, under the file's own header", async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('区划').addRows([
      ['中文名称', '级别', '区划代码', '上级区划'],
      ['重复代码测试镇', '乡镇（街道）', '530626', '绥江县'],
    ])
    await openImport('divisions')
    await pickFile('区划.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX)
    await expect.poll(summary).toBe('将新建 0 条将更新 0 条有误 1 行')
    await expect
      .poll(() => page.getByTestId('import-bad-rows').textContent())
      .toContain('区划代码: 已有其他记录使用该值。')
    await browser.screenshot('files-hub-refusal')
    await closeDialog()
  })

  it('refuses Big5 text, an old .xls and an image, reading nothing', async () => {
    await openImport('hospitals')
    const cases: [string, Buffer, RegExp][] = [
      [
        '医院.csv',
        iconv.encode('中文名稱,所在區劃代碼\r\n綏江縣中城鎮福興社區醫院,530626\r\n', 'big5'),
        /无法识别文件编码（Big5）/,
      ],
      [
        '医院.xls',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        /旧版 Excel 文件（\.xls）/,
      ],
      [
        'photo.csv',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
        /不是 Excel 工作簿/,
      ],
    ]
    for (const [name, buffer, message] of cases) {
      await pickFile(name, buffer)
      await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(message)
      expect(await page.getByTestId('import-summary').count()).toBe(0)
    }
    await browser.screenshot('files-refused')
    await closeDialog()
  })

  it('offers templates with Chinese headers, an example row and the allowed values', async () => {
    await openImport('careFacilities')
    const file = await download(() => page.getByRole('button', { name: '下载 Excel 模板' }).click())
    expect(file.name).toBe(`一老一小设施_导入模板_${today()}.xlsx`)
    const workbook = await readWorkbook(file.bytes)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['一老一小设施', '填写说明'])
    const [data, guide] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet]
    const headers = (data.getRow(1).values as unknown[]).slice(1)
    expect(headers).toContain('中文名称')
    expect(data.rowCount).toBe(2)
    expect(String(data.getRow(2).getCell(headers.indexOf('中文名称') + 1).value)).toMatch(/^示例：/)
    const kind = guide.getRows(2, guide.rowCount - 1)?.find((row) => row.getCell(1).value === '类型')
    expect(String(kind?.getCell(3).value)).toContain('老年幸福食堂')
    // The template imported as it is: its example row is refused, so nothing is written by mistake.
    await pickFile(file.name, file.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    await expect.poll(summary).toBe('将新建 0 条将更新 0 条有误 1 行')
    await expect.poll(() => page.getByTestId('import-bad-rows').textContent()).toContain('示例行')
    const csv = await download(() => page.getByRole('button', { name: '下载 CSV 模板' }).click())
    expect(csv.bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(
      /^编号,中文名称,英文名称,所在区划,所在区划代码/,
    )
    await closeDialog()
  })

  it('works on a phone: the file button in sight, the dialog full screen', async () => {
    await browser.useViewport('phone')
    await openImport('hospitals')
    const choose = page.getByRole('button', { name: /选择文件/ })
    expect(await choose.isVisible()).toBe(true)
    const box = await choose.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844).toBe(true)
    const dialog = await page.getByRole('dialog').boundingBox()
    expect(dialog?.width).toBe(390)
    await pickFile('医院.csv', iconv.encode(GBK_ROWS.replaceAll('GBK导入测试医院', '手机导入测试医院'), 'gbk'))
    await expect.poll(summary).toBe('将新建 2 条将更新 0 条有误 0 行')
    expect(await browser.overflowX()).toBe(0)
    await browser.screenshot('files-phone-import', { fullPage: false })
    await closeDialog()
    await browser.useViewport('desktop')
  })

  it('reported no page errors', () => {
    expect(browser.problems).toEqual([])
  })
})
