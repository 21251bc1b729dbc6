// Headless Chromium for the console tests, driven by playwright-core (no browser download: Debian's
// /usr/bin/chromium, which .ci/run installs).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startTestHub, type TestHub, type TestHubOptions } from '../setup/hub.ts'
import { type OperatorName, sessionToken } from '../setup/operators.ts'
import { documentProblems, documentsOf, operationName } from './documents.ts'

export const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts')

/** The screens the console is checked on: an office desktop and a phone. */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const

export type ViewportName = keyof typeof VIEWPORTS

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface ConsoleBrowser {
  context: BrowserContext
  page: Page
  /**
   * Problems the page reported: uncaught errors, server errors, and GraphQL documents the checked-in
   * schema does not accept.
   */
  problems: string[]
  /** Saves test/artifacts/<name>.png: the whole page, or (`fullPage: false`) what the screen shows. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>
  /** Resizes the page to a desktop or a phone screen (touch and a phone's pixel ratio are not emulated). */
  useViewport(name: ViewportName): Promise<void>
  /** How far the page scrolls sideways (0 when nothing sticks out past the right edge). */
  overflowX(): Promise<number>
  /**
   * Signs in as a test operator by setting the session cookie the test hub already knows (or signs
   * out with `null`), then opens `path` in a fresh document so the console asks who is signed in.
   */
  signInAs(operator: OperatorName | null, path?: string): Promise<void>
  close(): Promise<void>
}

export async function openConsole(baseUrl: string): Promise<ConsoleBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'hub-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    baseURL: baseUrl,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const problems: string[] = []
  /**
   * As a person who opens the console on that screen finds it: the menu open beside the page on a
   * desktop, closed (a drawer behind the menu button) on a phone. react-admin remembers the menu's
   * state from the last screen size, so a resized page is set and reloaded.
   */
  async function settleMenu() {
    const open = (page.viewportSize()?.width ?? 0) > 600
    const stored = await page.evaluate(() => localStorage.getItem('RaStore.sidebar.open'))
    if (stored === JSON.stringify(open)) return
    await page.evaluate((value) => localStorage.setItem('RaStore.sidebar.open', JSON.stringify(value)), open)
    await page.reload()
  }
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('response', async (response) => {
    if (response.status() < 500) return
    const at = problems.push(`HTTP ${response.status()} ${response.url()}`) - 1
    // Which operation, and which limit answered (OVERLOADED, EXECUTION_TIMEOUT, …): a failure in CI says why.
    const operations = documentsOf(response.request().postData()).map(operationName)
    const body = await response.text().catch(() => '')
    problems[at] += `${operations.length ? ` (${operations.join(', ')})` : ''} ${body.slice(0, 300)}`
  })
  // Every document the console sends must be valid against server/schema.graphql.
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/graphql')) return
    for (const document of documentsOf(request.postData())) {
      const invalid = documentProblems(document)
      if (invalid.length) problems.push(`invalid GraphQL document: ${invalid.join('; ')}\n${document}`)
    }
  })
  mkdirSync(ARTIFACTS, { recursive: true })
  return {
    context,
    page,
    problems,
    async screenshot(name, { fullPage = true } = {}) {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage })
    },
    async useViewport(name) {
      const size = page.viewportSize()
      if (size?.width === VIEWPORTS[name].width && size.height === VIEWPORTS[name].height) return
      await page.setViewportSize(VIEWPORTS[name])
      if (page.url().startsWith('http')) await settleMenu()
    },
    overflowX: () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    async signInAs(operator, path = '/') {
      // Leave the console first: a page still open while the cookie changes would see its session
      // gone and sign out — ending the (fixed) session of whoever is signed in next.
      await page.goto('about:blank')
      await context.clearCookies()
      if (operator) {
        await context.addCookies([
          { name: 'mh_session', value: sessionToken(operator), url: baseUrl, httpOnly: true, sameSite: 'Strict' },
        ])
      }
      await page.goto(path)
      await settleMenu()
    },
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface ConsoleSession {
  hub: TestHub
  browser: ConsoleBrowser
  page: Page
}

/**
 * A real hub (with `options`, e.g. review on) and the console open in Chromium for one test file,
 * closed after it; a failing test leaves a screenshot named after it. The fields are filled before the file's own beforeAll runs.
 */
export function consoleSession(options?: TestHubOptions): ConsoleSession {
  const session = {} as ConsoleSession
  beforeAll(async () => {
    session.hub = await startTestHub(options)
    session.browser = await openConsole(session.hub.hub.url)
    session.page = session.browser.page
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await session.browser.screenshot(`failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-')}`)
    }
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.hub?.close()
  })
  return session
}

export type { Browser, Page }
