// Data quality (数据质量) as an operator meets it: a save an ERROR rule forbids is refused beside its
// field; a save with warnings says "已保存，但有 N 条质量提示", and the record's page, its list row and
// the quality page show them; then the quality page on a synthetic fill, with its counts per county
// and rule, a count that filters the issues, and an issue that opens its record. Screenshots at
// 1440×900 and 390×844 (test/artifacts/quality-*.png).
import { seedSynthetic } from '@minsheng/db/synthetic'
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

const HOSPITAL = '云南省滇东北中心医院'
const byName = (source: string) => page.locator(`input[name="${source}"]`)
const helperOf = async (source: string) => {
  const id = await byName(source).getAttribute('aria-describedby')
  return id ? page.locator(`[id="${id}"]`).textContent() : null
}

async function hospital() {
  const { hospitals } = await hub.data<{ hospitals: { nodes: { id: string; plannedBeds: number }[] } }>(
    'query ($q: String) { hospitals(search: $q) { nodes { id plannedBeds } } }',
    { q: HOSPITAL },
  )
  return hospitals.nodes[0] as { id: string; plannedBeds: number }
}

/** The screen as a person sees it (not the whole page), on a desktop and a phone; no side scroll. */
async function screenshots(name: string, ready: string) {
  await browser.useViewport('desktop')
  await browser.screenshot(`${name}-1440x900`, { fullPage: false })
  // useViewport lets the menu settle (a phone's menu closes).
  await browser.useViewport('phone')
  // The page may load again at the new size: wait until it has.
  await expect.poll(() => page.getByTestId(ready).count(), { timeout: 30_000 }).toBeGreaterThan(0)
  await expect.poll(() => page.getByRole('progressbar').count()).toBe(0)
  expect(await browser.overflowX()).toBe(0)
  await browser.screenshot(`${name}-390x844`, { fullPage: false })
  await browser.useViewport('desktop')
}

describe('on the seeded data', () => {
  it('is reached from the menu and finds nothing wrong with the seed', async () => {
    await browser.signInAs('admin', '/')
    await page.getByTestId('menu-quality').click()
    await expect.poll(() => page.url()).toMatch(/#\/quality$/)
    await expect.poll(() => page.getByText('没有发现问题。').count()).toBe(1)
    expect(browser.problems).toEqual([])
  })

  it('refuses a save that breaks an ERROR rule, the reason beside the field', async () => {
    const { id, plannedBeds } = await hospital()
    await page.goto(`/#/hospitals/${encodeURIComponent(id)}`)
    await expect.poll(() => byName('plannedBeds').inputValue()).toBe(String(plannedBeds))
    await byName('openBeds').fill(String(plannedBeds + 1))
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => helperOf('openBeds')).toMatch(/开放床位 .* 张，超过规划的 .* 张/)
    expect(page.url()).not.toMatch(/\/show$/)
    await browser.screenshot('quality-refused-1440x900')
    const after = await hub.data(`query ($id: ID!) { node(id: $id) { ... on Hospital { openBeds version } } }`, { id })
    expect(after.node).toEqual({ openBeds: null, version: 1 })
  })

  it('says how many warnings a save left, and the record, its list and the quality page show them', async () => {
    const { id } = await hospital()
    // Afresh: the refused form above still holds its values.
    await page.goto(`/#/hospitals/${encodeURIComponent(id)}`)
    await page.reload()
    await expect.poll(() => byName('openBeds').inputValue()).toBe('')
    await expect.poll(() => byName('nameEn').inputValue()).not.toBe('')
    await byName('nameEn').fill('')
    await page.getByRole('button', { name: '保存' }).click()
    await page.waitForURL(/\/show$/)
    await expect.poll(() => page.getByText('已保存，但有 1 条质量提示').count()).toBe(1)
    const notice = page.getByTestId('quality-notice')
    await expect.poll(() => notice.count()).toBe(1)
    expect(await notice.textContent()).toContain('缺少英文名称')
    await screenshots('quality-record', 'quality-notice')

    await page.goto('/#/hospitals')
    const row = page.getByRole('row').filter({ hasText: HOSPITAL })
    await expect.poll(() => row.getByTestId('quality-badge').textContent()).toBe('1')
    await expect.poll(() => page.getByTestId('quality-badge').count()).toBe(1)

    await page.goto('/#/quality')
    const issues = page.getByTestId('quality-issues')
    await expect.poll(() => issues.locator('li').count()).toBe(1)
    expect(await issues.textContent()).toContain(HOSPITAL)
    expect(await page.getByTestId('quality-counts').textContent()).toContain('昭阳区')
    await issues.getByRole('link', { name: HOSPITAL }).click()
    await expect.poll(() => page.url()).toMatch(/#\/hospitals\/[^/]+\/show$/)
  })
})

describe('on a synthetic fill', () => {
  beforeAll(async () => {
    await seedSynthetic(hub.hub.database.primary, { size: 600, seed: 7, indicatorYears: 2 })
  }, 120_000)

  it('counts the issues per county and rule; a count filters the issues, an issue opens its record', async () => {
    await browser.signInAs('admin', '/#/quality')
    const counts = page.getByTestId('quality-counts')
    await expect.poll(() => counts.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(3)
    const total = async () => Number((await counts.locator('tbody tr').last().locator('td').nth(-2).textContent()) ?? 0)
    const before = await total()
    expect(before).toBeGreaterThan(1)
    await screenshots('quality-synthetic', 'quality-counts')

    // The first county's first count: the list narrows to that county and rule.
    const cell = counts.locator('tbody tr').first().getByRole('button').first()
    const count = Number(await cell.textContent())
    await cell.click()
    await expect.poll(total).toBe(count)
    const issues = page.getByTestId('quality-issues')
    await expect.poll(() => issues.locator('li').count()).toBe(Math.min(count, 100))
    await screenshots('quality-synthetic-filtered', 'quality-issues')
    await issues.getByRole('link').first().click()
    await expect.poll(() => page.url()).toMatch(/#\/[a-zA-Z]+\/[^/]+\/show$/)
    await expect.poll(() => page.getByTestId('quality-notice').count()).toBe(1)
    expect(browser.problems).toEqual([])
  })

  it('speaks English when asked', async () => {
    await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')))
    await browser.signInAs('admin', '/#/quality')
    await expect.poll(() => page.getByText('Issues per county').count(), { timeout: 30_000 }).toBe(1)
    await screenshots('quality-synthetic-en', 'quality-counts')
    await page.evaluate(() => localStorage.removeItem('RaStore.locale'))
  })
})
