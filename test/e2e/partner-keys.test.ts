// A partner key's page in the console: its use per day as a chart, with the period's totals.
// Run with HUB_E2E=1 (needs /usr/bin/chromium); screenshots go to test/artifacts/.
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
