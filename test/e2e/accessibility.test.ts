// The console for people who use a screen reader, the keyboard, or a tablet: axe-core finds no
// serious or critical violation on the main pages in the light and the dark theme; at 1280×800 and
// 768×1024 nothing is cut off; Tab reaches the search box, the inputs and the buttons.
// Run with HUB_E2E=1 (needs /usr/bin/chromium); screenshots go to test/artifacts/.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestHub } from '../setup/hub.ts'
import { type ConsoleBrowser, consoleSession, type Page } from './browser.ts'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let hub: TestHub
let browser: ConsoleBrowser
let page: Page
let hospitalId: string

const session = consoleSession()
beforeAll(async () => {
  ;({ hub, browser, page } = session)
  const { hospitals } = await hub.data<{ hospitals: { nodes: { id: string }[] } }>(
    '{ hospitals(search: "滇东北中心医院") { nodes { id } } }',
  )
  hospitalId = hospitals.nodes[0]?.id as string
})

type Theme = 'light' | 'dark'

interface MainPage {
  name: string
  /** Signed out for the login page. */
  signedIn: boolean
  path: () => string
  /** What shows once the page has its data. */
  ready: (page: Page) => Promise<unknown>
}

const visible = async (page: Page, selector: string) =>
  page.locator(selector).first().waitFor({ state: 'visible', timeout: 20_000 })

const PAGES: MainPage[] = [
  { name: 'login', signedIn: false, path: () => '/', ready: (page) => visible(page, 'input[name="username"]') },
  {
    name: 'dashboard',
    signedIn: true,
    path: () => '/',
    ready: async (page) => {
      await visible(page, '[data-figure="relocatedPopulation"] [data-value]')
      await visible(page, '.MuiChartsSurface-root')
    },
  },
  {
    name: 'settlements',
    signedIn: true,
    path: () => '/#/settlements',
    ready: (page) =>
      page
        .getByText(/共 \d+ 条|\d+ total|of \d+/)
        .first()
        .waitFor({ timeout: 20_000 }),
  },
  {
    name: 'hospital-show',
    signedIn: true,
    path: () => `/#/hospitals/${encodeURIComponent(hospitalId)}/show`,
    ready: (page) => page.getByText('滇东北中心医院').first().waitFor({ timeout: 20_000 }),
  },
  {
    name: 'hospital-edit',
    signedIn: true,
    path: () => `/#/hospitals/${encodeURIComponent(hospitalId)}`,
    ready: async (page) => {
      await expect.poll(() => page.locator('input[name="nameZh"]').inputValue()).toContain('滇东北中心医院')
    },
  },
  {
    name: 'trash',
    signedIn: true,
    path: () => '/#/trash',
    ready: (page) => visible(page, 'main h1, main .RaList-main, main [class*="RaList"]'),
  },
]

/**
 * Opens a main page in a theme: react-admin keeps the operator's choice in localStorage and, with
 * none (signed out: the store is cleared), follows the system's colour scheme.
 */
async function open(target: MainPage, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme })
  await browser.signInAs(target.signedIn ? 'admin' : null, target.path())
  await page.evaluate((value) => localStorage.setItem('RaStore.theme', JSON.stringify(value)), theme)
  await page.reload()
  await target.ready(page)
  // Let transitions (fades, skeletons) finish before anyone judges colours.
  await page.waitForTimeout(600)
}

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

async function axeViolations(): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') }
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.slice(0, 5).map((node) => ({
          target: node.target.join(' '),
          summary: node.failureSummary ?? '',
        })),
      }))
  })
}

describe('accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const target of PAGES) {
      it(`${target.name} in the ${theme} theme has no serious or critical violations`, async () => {
        await open(target, theme)
        // The colour behind the top left corner of the page.
        const background = await page.evaluate(() => {
          for (let node = document.elementFromPoint(2, 300); node; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor
            if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour
          }
          return getComputedStyle(document.body).backgroundColor
        })
        // The theme really is the one asked for (dark: a dark background).
        const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number)
        if (theme === 'dark') expect(r + g + b).toBeLessThan(3 * 100)
        const violations = await axeViolations()
        if (violations.length) console.info(JSON.stringify(violations, null, 2))
        expect(violations.map((violation) => `${violation.id} (${violation.impact})`)).toEqual([])
        await browser.screenshot(`a11y-${target.name}-${theme}`)
      })
    }
  }
})

describe('screen sizes', () => {
  const sizes = [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'tablet', width: 768, height: 1024 },
  ]
  afterAll(async () => {
    await page.setViewportSize({ width: 1400, height: 900 })
  })

  for (const size of sizes) {
    it(`shows the main pages whole at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height })
      for (const target of PAGES) {
        await open(target, 'light')
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth
          // Anything that sticks out past the right edge, other than inside a scrolling container.
          const scrolls = (element: Element | null): boolean => {
            for (let node = element?.parentElement; node; node = node.parentElement) {
              const style = getComputedStyle(node)
              if (/(auto|scroll)/.test(style.overflowX) && node.scrollWidth > node.clientWidth) return true
            }
            return false
          }
          const cut = [...document.querySelectorAll('button, a, input, [role="button"], h1, h2, h6, label')]
            .filter((element) => {
              const box = element.getBoundingClientRect()
              return box.width > 0 && box.right > width + 1 && !scrolls(element)
            })
            .map((element) => `${element.tagName.toLowerCase()} ${element.textContent?.trim().slice(0, 30) ?? ''}`)
          return { page: document.documentElement.scrollWidth - width, cut }
        })
        await page.screenshot({
          path: `${import.meta.dirname}/../artifacts/${size.name}-${target.name}.png`,
          fullPage: false,
        })
        expect({ page: target.name, overflow: Math.max(0, overflow.page), cut: overflow.cut.slice(0, 5) }).toEqual({
          page: target.name,
          overflow: 0,
          cut: [],
        })
      }
    })
  }
})

/** Presses Tab until the focused element matches, at most `limit` times; returns what was focused on the way. */
async function tabTo(matches: (page: Page) => Promise<boolean>, limit = 60) {
  const path: string[] = []
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab')
    path.push(
      await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null
        return `${element?.tagName.toLowerCase()}[name=${element?.getAttribute('name') ?? ''}] ${element?.getAttribute('aria-label') ?? element?.textContent?.trim().slice(0, 20) ?? ''}`
      }),
    )
    if (await matches(page)) return path
  }
  throw new Error(`Tab did not get there: ${path.join(' → ')}`)
}

const focusedIs = (selector: string) => (page: Page) =>
  page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector)

describe('the keyboard', () => {
  it('tabs to the search box of a list and searches', async () => {
    await open(PAGES[2] as MainPage, 'light')
    const { settlements } = await hub.data<{ settlements: { totalCount: number; nodes: { nameZh: string }[] } }>(
      '{ settlements(first: 1) { totalCount nodes { nameZh } } }',
    )
    const name = settlements.nodes[0]?.nameZh as string
    const found = await hub.data<{ settlements: { totalCount: number } }>(
      'query ($q: String) { settlements(search: $q) { totalCount } }',
      { q: name },
    )
    await page.locator('body').focus()
    await tabTo(focusedIs('input[name="q"]'))
    await page.keyboard.type(name)
    await expect.poll(() => page.getByText(`共 ${found.settlements.totalCount} 条`).count()).toBe(1)
    await expect.poll(() => page.getByRole('cell', { name }).count()).toBeGreaterThan(0)
    await browser.screenshot('keyboard-search')
  })

  it('tabs through the edit form to its inputs and the save button', async () => {
    await open(PAGES[4] as MainPage, 'light')
    await page.locator('body').focus()
    await tabTo(focusedIs('input[name="nameZh"]'))
    await tabTo(focusedIs('input[name="plannedBeds"]'))
    // Save is offered (and reachable) once something changed.
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('5100')
    await tabTo(focusedIs('button[type="submit"]'))
    await browser.screenshot('keyboard-form-save')
  })
})
