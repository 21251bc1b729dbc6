// The map (地图) as an operator uses it: Zhaotong's 11 counties drawn from the hub's own outlines (no
// tile server, no network), a choropleth with its legend, facilities as dots with a popup that opens
// the record; on the seeded data, then on a synthetic fill. Screenshots at 1440×900 and 390×844.
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

const COUNTIES = 11
const counties = () => page.locator('[data-testid="hub-map"] path.map-county')
const legendClasses = () => page.locator('[data-testid="map-legend"] li[data-class]')

async function screenshots(name: string) {
  await page.setViewportSize({ width: 1440, height: 900 })
  await browser.screenshot(`${name}-1440x900`)
  await page.setViewportSize({ width: 390, height: 844 })
  await browser.screenshot(`${name}-390x844`)
  await page.setViewportSize({ width: 1440, height: 900 })
}

/** Picks a figure from the map's menu. */
async function chooseMetric(label: string) {
  await page.getByTestId('map-metric').click()
  await page.getByRole('option', { name: label }).click()
  // The menu has faded out before a screenshot is taken over the map (its popover may stay mounted).
  await expect
    .poll(() =>
      page
        .locator('.MuiMenu-paper')
        .evaluateAll((papers) => papers.filter((paper) => Number(getComputedStyle(paper).opacity) > 0).length),
    )
    .toBe(0)
}

describe('on the seeded data', () => {
  it('draws the 11 counties with a choropleth of relocated residents and its legend, offline', async () => {
    const outside: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.hostname !== '127.0.0.1' && url.protocol.startsWith('http')) outside.push(request.url())
    })
    await browser.signInAs('admin', '/#/map')
    await expect.poll(() => counties().count()).toBe(COUNTIES)
    await expect.poll(() => page.getByText('民生地图').count()).toBeGreaterThan(0)
    // 卯家湾 (鲁甸县) and 福兴社区 (绥江县) are the seed's settlements with residents: two counties coloured.
    await expect.poll(() => legendClasses().count()).toBeGreaterThan(0)
    const fills = await counties().evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')))
    expect(new Set(fills).size).toBeGreaterThan(1)
    expect(await page.locator('[data-testid="map-legend"]').textContent()).toContain('无数据')
    expect(outside).toEqual([])
    expect(browser.problems).toEqual([])
    await screenshots('map-seeded')
  })

  it('switches the figure from the menu, in Chinese and English', async () => {
    await chooseMetric('医院规划床位（张）')
    await expect
      .poll(() => page.locator('[data-testid="map-legend"] h3').first().textContent())
      .toContain('医院规划床位')
    // 5000 planned beds, all in 昭阳区: one class.
    await expect.poll(() => legendClasses().allTextContents()).toEqual([expect.stringMatching(/^5,?000$/)])
  })

  it('is reached from the menu, and shows on the dashboard and on a division’s page', async () => {
    await browser.signInAs('admin', '/')
    await expect.poll(() => counties().count()).toBe(COUNTIES)
    await page.getByTestId('menu-map').click()
    await expect.poll(() => page.url()).toMatch(/#\/map$/)
    const { divisions } = await hub.data<{ divisions: { nodes: { id: string }[] } }>(
      '{ divisions(where: { code: { equals: "530621" } }) { nodes { id } } }',
    )
    await page.goto(`/#/divisions/${encodeURIComponent(divisions.nodes[0]?.id as string)}/show`)
    await expect.poll(() => counties().count()).toBe(1)
    await screenshots('map-division-ludian')
  })
})

describe('on a synthetic fill', () => {
  beforeAll(async () => {
    await seedSynthetic(hub.hub.database.primary, { size: 600, seed: 7, indicatorYears: 2 })
  }, 120_000)

  it('draws the facilities as dots coloured by type, each with a popup that opens its record', async () => {
    await browser.signInAs('admin', '/#/map')
    await expect.poll(() => counties().count()).toBe(COUNTIES)
    await expect.poll(() => page.locator('path.map-point').count(), { timeout: 30_000 }).toBeGreaterThan(20)
    const colours = await page
      .locator('path.map-point')
      .evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute('fill')))])
    expect(colours.length).toBeGreaterThanOrEqual(3)
    await chooseMetric('每万名搬迁群众的设施数（医院、学校、一老一小）')
    await expect.poll(() => legendClasses().count()).toBeGreaterThan(2)
    await screenshots('map-synthetic')

    // Dots may overlap: the click goes to the hospital's own dot, as Leaflet finds its target.
    await page.locator('path.map-point-hospitals').first().dispatchEvent('click')
    const popup = page.locator('[data-point-popup]')
    await expect.poll(() => popup.count()).toBe(1)
    expect(await popup.textContent()).toContain('医院')
    await browser.screenshot('map-popup-1440x900')
    await popup.getByRole('link', { name: '查看记录' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/hospitals\/[^/]+\/show$/)
  })

  it('speaks English when asked', async () => {
    await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')))
    await browser.signInAs('admin', '/#/map')
    await expect.poll(() => counties().count()).toBe(COUNTIES)
    await expect.poll(() => page.getByText('Livelihoods map').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="map-legend"]').textContent()).toContain('No data')
    await screenshots('map-synthetic-en')
    await page.evaluate(() => localStorage.removeItem('RaStore.locale'))
  })
})
