// The console as a person uses it, in headless Chromium against a real hub serving admin/dist.
// Run with HUB_E2E=1 (needs /usr/bin/chromium); screenshots go to test/artifacts/. Every test here
// runs as the test admin, signed in by its session cookie (signing in itself: trust.test.ts).
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestHub } from '../setup/hub.ts'
import { type ConsoleBrowser, consoleSession, type Page } from './browser.ts'

let hub: TestHub
let browser: ConsoleBrowser
let page: Page

const session = consoleSession()
beforeAll(() => {
  ;({ hub, browser, page } = session)
})

/** Types into a reference picker and chooses the suggestion with this text. */
async function pick(source: string, typed: string, option: string) {
  const input = byName(source)
  await input.click()
  await input.fill(typed)
  await page.getByRole('option', { name: option, exact: false }).first().click()
}

/** An input by its form path (react-admin gives inputs generated ids but their source as name). */
const byName = (source: string) => page.locator(`input[name="${source}"]`)

/** The helper text under an input (its aria-describedby), where react-admin puts validation and server messages. */
async function helperOf(source: string) {
  const id = await byName(source).getAttribute('aria-describedby')
  return id ? page.locator(`[id="${id}"]`).textContent() : null
}

describe('the console', () => {
  it('opens on the dashboard in Chinese, with figures the API reports', async () => {
    const started = Date.now()
    await browser.signInAs('admin', '/')
    await expect
      .poll(() => page.locator('[data-figure="relocatedPopulation"] [data-value]').textContent())
      .toMatch(/万$/)
    const { overview } = await hub.data<{ overview: { relocatedPopulation: number } }>(
      '{ overview { relocatedPopulation } }',
    )
    const shown = await page.locator('[data-figure="relocatedPopulation"] [data-value]').textContent()
    expect(shown).toBe(`${Number((overview.relocatedPopulation / 1e4).toFixed(2))}万`)
    await expect.poll(() => page.getByText('民生概览').count()).toBeGreaterThan(0)
    console.info(`dashboard figures shown after ${Date.now() - started} ms`)
  })

  it('shows charts on the dashboard', async () => {
    await expect
      .poll(() => page.locator('.MuiChartsSurface-root, svg.MuiChartsSurface-root').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2)
    await expect.poll(() => page.getByText('各县（市、区）一老一小设施').count()).toBe(1)
    await browser.screenshot('dashboard')
  })

  it('lists settlements and filters them by county, sub-divisions included', async () => {
    const { settlements } = await hub.data<{ settlements: { totalCount: number } }>('{ settlements { totalCount } }')
    const started = Date.now()
    await page.goto('/#/settlements')
    await expect.poll(() => page.getByText(`共 ${settlements.totalCount} 条`).count()).toBe(1)
    console.info(`first list (settlements) shown after ${Date.now() - started} ms`)

    const { divisions } = await hub.data<{ divisions: { nodes: { id: string }[] } }>(
      '{ divisions(where: { nameZh: { equals: "绥江县" } }) { nodes { id } } }',
    )
    const within = await hub.data<{ settlements: { totalCount: number; nodes: { nameZh: string }[] } }>(
      'query ($id: ID!) { settlements(where: { withinDivision: $id }) { totalCount nodes { nameZh } } }',
      { id: divisions.nodes[0]?.id },
    )
    expect(within.settlements.totalCount).toBeGreaterThan(0)
    await pick('withinDivision', '绥江', '绥江县')
    await expect.poll(() => page.getByText(`共 ${within.settlements.totalCount} 条`).count()).toBe(1)
    for (const { nameZh } of within.settlements.nodes) {
      await expect.poll(() => page.getByRole('cell', { name: nameZh }).count()).toBe(1)
    }
    await browser.screenshot('settlements-in-suijiang')
  })

  it('creates a school that the GraphQL API then returns', async () => {
    await page.goto('/#/schools/create')
    await byName('nameZh').fill('测试安置区配套小学')
    await byName('nameEn').fill('Test Settlement Primary School')
    await pick('divisionId', '鲁甸', '鲁甸县')
    await page.getByRole('combobox', { name: '学段' }).click()
    await page.getByRole('option', { name: '小学', exact: true }).click()
    await byName('seats').fill('1350')
    await page.getByRole('button', { name: '保存' }).click()
    await page.waitForURL(/#\/schools\/.+\/show/)
    await expect.poll(() => page.getByText('1350').count()).toBeGreaterThan(0)
    const { schools } = await hub.data<{
      schools: { nodes: { nameZh: string; seats: number; stage: string; division: { nameZh: string } }[] }
    }>('{ schools(search: "测试安置区配套小学") { nodes { nameZh seats stage division { nameZh } } } }')
    expect(schools.nodes).toEqual([
      { nameZh: '测试安置区配套小学', seats: 1350, stage: 'PRIMARY', division: { nameZh: '鲁甸县' } },
    ])
    await browser.screenshot('school-created')
  })

  it("edits a hospital's planned beds", async () => {
    const { hospitals } = await hub.data<{
      hospitals: { nodes: { id: string; plannedBeds: number; version: number }[] }
    }>('{ hospitals(search: "滇东北中心医院") { nodes { id plannedBeds version } } }')
    const hospital = hospitals.nodes[0] as { id: string; plannedBeds: number; version: number }
    await page.goto(`/#/hospitals/${encodeURIComponent(hospital.id)}`)
    await expect.poll(() => byName('plannedBeds').inputValue()).toBe(String(hospital.plannedBeds))
    await byName('plannedBeds').fill(String(hospital.plannedBeds + 200))
    await page.getByRole('button', { name: '保存' }).click()
    await page.waitForURL(/\/show$/)
    const { node } = await hub.data<{ node: { plannedBeds: number; version: number } }>(
      'query ($id: ID!) { node(id: $id) { ... on Hospital { plannedBeds version } } }',
      { id: hospital.id },
    )
    expect(node).toEqual({ plannedBeds: hospital.plannedBeds + 200, version: hospital.version + 1 })
    await browser.screenshot('hospital-edited')
  })

  it("shows the server's message beside the field it is about", async () => {
    const { careFacilities } = await hub.data<{
      careFacilities: { nodes: { id: string; prices: { minAge: number }[] }[] }
    }>('{ careFacilities(search: "老年幸福食堂") { nodes { id prices { minAge } } } }')
    const canteen = careFacilities.nodes.find((facility) => facility.prices.length >= 2)
    expect(canteen).toBeDefined()
    const firstAge = canteen?.prices[0]?.minAge as number
    await page.goto(`/#/careFacilities/${encodeURIComponent(canteen?.id as string)}`)
    await expect.poll(() => byName('prices.1.minAge').inputValue()).not.toBe('')
    // Two prices from the same age: only the server knows this rule.
    await byName('prices.1.minAge').fill(String(firstAge))
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => helperOf('prices.1.minAge')).toBe(`起始年龄 ${firstAge} 重复`)
    await browser.screenshot('server-error-beside-field')
    // Nothing was saved.
    const { node } = await hub.data<{ node: { prices: { minAge: number }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on CareFacility { prices { minAge } } } }',
      { id: canteen?.id },
    )
    expect(node.prices).toEqual(canteen?.prices)
  })

  it("imports a CSV in one transaction after the hub's dry run shows the bad row and why", async () => {
    await page.goto('/#/hospitals')
    await page.getByRole('button', { name: '导入' }).click()
    const countNamed = async (name: string) =>
      (
        await hub.data<{ hospitals: { totalCount: number } }>(
          'query ($q: String) { hospitals(search: $q) { totalCount } }',
          { q: name },
        )
      ).hospitals.totalCount
    // Row 3 names a division that does not exist: only the hub's dry run can tell.
    const missingDivision = Buffer.from('Division:999999').toString('base64')
    const header = 'nameZh,divisionId,divisionCode,role,plannedBeds'
    const bad = `\uFEFF${header}\r\n导入测试医院,,530621,GENERAL_HOSPITAL,300\r\n导入测试医院二,${missingDivision},,SPECIALTY_HOSPITAL,120\r\n`
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'hospitals.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') })
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('将新建 1 条将更新 0 条有误 1 行')
    const reasons = await page.getByTestId('import-bad-rows').textContent()
    expect(reasons).toMatch(/^行号问题3.*divisionId/)
    expect(await page.getByTestId('import-bad-rows').locator('tbody tr').count()).toBe(1)
    expect(await page.getByTestId('import-bad-rows').locator('tbody td').first().textContent()).toBe('3')
    await expect.poll(() => page.getByRole('button', { name: '导入 1 条' }).isDisabled()).toBe(true)
    await browser.screenshot('import-dry-run')
    // The dry run wrote nothing.
    expect(await countNamed('导入测试医院')).toBe(0)

    const fixed = `\uFEFF${header}\r\n导入测试医院,,530621,GENERAL_HOSPITAL,300\r\n导入测试医院二,,530621,SPECIALTY_HOSPITAL,120\r\n`
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'hospitals.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed, 'utf8') })
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('将新建 2 条将更新 0 条有误 0 行')
    await page.getByRole('button', { name: '导入 2 条' }).click()
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toBe('全部 2 行已在同一个事务中写入：新建 2 条，更新 0 条。')
    await browser.screenshot('import-applied')
    const { hospitals } = await hub.data<{
      hospitals: { nodes: { nameZh: string; plannedBeds: number; division: { code: string } }[] }
    }>(
      '{ hospitals(search: "导入测试医院", orderBy: [{ field: PLANNED_BEDS, direction: DESC }]) { nodes { nameZh plannedBeds division { code } } } }',
    )
    expect(hospitals.nodes).toEqual([
      { nameZh: '导入测试医院', plannedBeds: 300, division: { code: '530621' } },
      { nameZh: '导入测试医院二', plannedBeds: 120, division: { code: '530621' } },
    ])
    await page.keyboard.press('Escape')
  })

  it('checks a file of 10,000 rows, showing progress while it reads and while the hub works', async () => {
    await page.goto('/#/hospitals')
    await page.getByRole('button', { name: '导入' }).click()
    const lines = ['nameZh,divisionCode,role,plannedBeds']
    for (let i = 1; i <= 10_000; i++) lines.push(`批量导入测试医院${i},530621,GENERAL_HOSPITAL,${i % 500}`)
    const started = Date.now()
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') })
    await expect.poll(() => page.getByTestId('import-progress').textContent()).toBe('正在检查 10,000 行…')
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 150_000 })
      .toBe('将新建 10000 条将更新 0 条有误 0 行')
    console.info(`10,000 rows checked by the hub's dry run in ${Date.now() - started} ms`)
    expect(await page.getByRole('button', { name: '导入 10000 条' }).isEnabled()).toBe(true)
    await browser.screenshot('import-10000-dry-run')
    const { hospitals } = await hub.data<{ hospitals: { totalCount: number } }>(
      '{ hospitals(search: "批量导入测试医院") { totalCount } }',
    )
    expect(hospitals.totalCount).toBe(0)
    await page.getByRole('button', { name: '关闭' }).click()
  }, 180_000)

  it('exports the filtered list as CSV with Chinese headers, in the import layout', async () => {
    await page.goto('/#/hospitals')
    await expect.poll(() => page.getByText(/共 \d+ 条/).count()).toBe(1)
    await page.getByRole('button', { name: '导出' }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^CSV/ }).click(),
    ])
    const bytes = Buffer.concat(await (await download.createReadStream()).toArray())
    const text = bytes.toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = text.slice(1).trim().split(/\r?\n/)
    expect(header?.split(',').slice(0, 5)).toEqual(['编号', '中文名称', '英文名称', '所在区划', '所在区划代码'])
    const { hospitals } = await hub.data<{ hospitals: { totalCount: number } }>('{ hospitals { totalCount } }')
    expect(rows).toHaveLength(hospitals.totalCount)
  })

  it('switches to English, remembers it, and switches back', async () => {
    await page.goto('/#/hospitals')
    await page.getByRole('button', { name: '中文', exact: true }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await expect.poll(() => page.getByText('Planned beds').count()).toBeGreaterThan(0)
    await page.reload()
    await expect.poll(() => page.getByText('Planned beds').count()).toBeGreaterThan(0)
    // Figures follow the language: thousands separators in English.
    await expect.poll(() => page.getByRole('cell', { name: /^\d{1,3}(,\d{3})+$/ }).count()).toBeGreaterThan(0)
    await browser.screenshot('hospitals-english')
    await page.getByRole('button', { name: 'English', exact: true }).click()
    await page.getByRole('menuitem', { name: '中文' }).click()
    await expect.poll(() => page.getByText('规划床位').count()).toBeGreaterThan(0)
  })

  it('reported no page errors', () => {
    expect(browser.problems).toEqual([])
  })
})
