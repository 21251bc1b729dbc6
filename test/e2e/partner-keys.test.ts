// A partner key's page in the console: its use per day as a chart, with the period's totals; its
// trusted operations registered from a .graphql file and removed; a key near its rate limit marked.
// Run with HUB_E2E=1 (needs /usr/bin/chromium); screenshots go to test/artifacts/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestHub } from '../setup/hub.ts'
import { type ConsoleBrowser, consoleSession, type Page } from './browser.ts'

let hub: TestHub
let browser: ConsoleBrowser
let page: Page

const session = consoleSession()
beforeAll(() => {
  ;({ hub, browser, page } = session)
})

describe("a key's page", () => {
  it('shows its use per day with the totals', async () => {
    const { createApiKey } = await hub.data<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(input: { name: "民政局同步", scopes: ["read:Hospital"] }) { secret apiKey { id } } }',
    )
    for (const query of ['{ hospitals(first: 2) { nodes { id } } }', '{ schools(first: 1) { nodes { id } } }']) {
      await hub.gqlAs({ bearer: createApiKey.secret }, query)
    }
    await hub.hub.flushUsage()
    await browser.signInAs('admin', '/#/apiKeys')
    await page.getByText('民政局同步').click()
    const usage = page.getByTestId('key-usage')
    await expect.poll(() => usage.textContent()).toContain('请求数: 2')
    expect(await usage.textContent()).toContain('错误数: 1')
    expect(await usage.textContent()).toContain('FORBIDDEN × 1')
    // The chart draws a bar for the day's requests.
    await expect.poll(() => usage.locator('svg .MuiBarElement-root, svg rect').count()).toBeGreaterThan(0)
    await browser.screenshot('api-key-usage')
  })
})

describe("a key's trusted operations and its rate limit", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-trusted-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, text: string) => {
    const at = path.join(dir, name)
    writeFileSync(at, text)
    return at
  }
  let key: { secret: string; apiKey: { id: string } }

  it('marks a key near its per-minute limit in the list and on its page', async () => {
    ;({ createApiKey: key } = await hub.data(
      'mutation { createApiKey(input: { name: "卫健委夜间同步", scopes: ["read"], rateLimitPerMinute: 10 }) { secret apiKey { id } } }',
    ))
    for (let i = 0; i < 9; i++) await hub.gqlAs({ bearer: key.secret }, '{ schools(first: 1) { totalCount } }')
    await browser.useViewport('desktop')
    await browser.signInAs('admin', '/#/apiKeys')
    const row = page.getByRole('row').filter({ hasText: '卫健委夜间同步' })
    await expect.poll(() => row.getByTestId('near-limit').textContent()).toBe('接近限额')
    // Keys far from their limit carry no such mark.
    expect(await page.getByRole('row').filter({ hasText: '民政局同步' }).getByTestId('near-limit').count()).toBe(0)
    await row.getByText('卫健委夜间同步').click()
    await expect.poll(() => page.getByTestId('near-limit').count()).toBe(1)
  })

  it('registers operations from a .graphql file, shows the hub refusing a wrong one, and removes one', async () => {
    const section = page.getByTestId('trusted-operations')
    await expect.poll(() => section.textContent()).toContain('受信操作')
    expect(await section.textContent()).toContain('尚未登记')

    // A document that does not fit the schema: the hub's reason, naming the field.
    await section
      .getByTestId('trusted-operations-file')
      .setInputFiles(file('wrong.graphql', 'query Bad { hospitals { nodes { noSuchField } } }'))
    const refusal = page.getByTestId('trusted-refusal')
    await expect.poll(() => refusal.textContent()).toContain('枢纽拒绝登记这个文件')
    expect(await refusal.textContent()).toContain('noSuchField')

    await section.getByTestId('trusted-operations-file').setInputFiles(
      file(
        'nightly.graphql',
        `# 卫健委夜间同步
query HospitalBeds { hospitals(first: 10) { nodes { ...Beds } } }
query SchoolSeats { schools(first: 10) { nodes { id seats } } }
fragment Beds on Hospital { id nameZh openBeds }
`,
      ),
    )
    const rows = section.getByTestId('trusted-operation')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await refusal.count()).toBe(0)
    expect(await rows.first().textContent()).toContain('HospitalBeds')
    expect(await rows.nth(1).textContent()).toContain('SchoolSeats')
    // The hash, short and in full on hover.
    const hash = rows.first().locator('code')
    expect(await hash.textContent()).toMatch(/^[0-9a-f]{12}…$/)
    expect(await hash.getAttribute('title')).toMatch(/^[0-9a-f]{64}$/)
    expect(await section.textContent()).toContain('只能按摘要')
    await browser.screenshot('api-key-trusted-operations')

    // The key is bound now.
    const refused = await hub.gqlAs({ bearer: key.secret }, '{ schools(first: 1) { totalCount } }')
    expect(refused.errors?.[0]?.extensions?.code).toBe('TRUSTED_OPERATIONS_ONLY')

    await rows.nth(1).getByRole('button', { name: '移除' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('SchoolSeats')
    await dialog.getByRole('button', { name: '移除' }).click()
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('HospitalBeds')
    expect(browser.problems).toEqual([])
  })

  it('fits a phone', async () => {
    await browser.useViewport('phone')
    const section = page.getByTestId('trusted-operations')
    await section.scrollIntoViewIfNeeded()
    const register = section.getByRole('button', { name: /登记/ })
    expect(await register.isVisible()).toBe(true)
    const box = await register.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
    expect(await section.getByTestId('trusted-operation').count()).toBe(1)
    expect(await browser.overflowX()).toBe(0)
    await browser.screenshot('api-key-trusted-operations-phone', { fullPage: false })
    await browser.useViewport('desktop')
  })
})
