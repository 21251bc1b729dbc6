// Live updates in the console: another operator's change shows up without a reload, and an open
// edit form says when the record it holds was changed underneath it.
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestHub } from '../setup/hub.ts'
import { OPERATORS } from '../setup/operators.ts'
import { type ConsoleBrowser, consoleSession, type Page } from './browser.ts'

let hub: TestHub
let browser: ConsoleBrowser
let page: Page

const session = consoleSession()
beforeAll(() => {
  ;({ hub, browser, page } = session)
})

/** A change by the test editor, through the API (not through this console). */
const asEditor = async (query: string, variables: Record<string, unknown> = {}) => {
  const result = await hub.gqlAs('editor', query, variables)
  expect(result.errors).toBeUndefined()
  return result.data as Record<string, any>
}

const sourceCount = async () => (await hub.data('{ sources { totalCount } }')).sources.totalCount as number

describe('live updates in the console', () => {
  it('shows a record another operator creates in the open list, without a reload', async () => {
    const before = await sourceCount()
    await browser.signInAs('admin', '/#/sources')
    await expect.poll(() => page.getByText(`共 ${before} 条`).count()).toBe(1)
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length)

    await asEditor('mutation { createSource(input: { nameZh: "实时出现的来源" }) { id } }')
    await expect.poll(() => page.getByText(`共 ${before + 1} 条`).count()).toBe(1)
    await expect.poll(() => page.getByText('实时出现的来源').count()).toBeGreaterThan(0)
    // The same document: the list refreshed itself.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads)
    await browser.screenshot('live-list')
  })

  it('warns an open edit form that someone else changed the record, and reloads it on request', async () => {
    const { createSource } = await hub.data('mutation { createSource(input: { nameZh: "编辑中的来源" }) { id } }')
    const id = createSource.id as string
    await page.goto(`/#/sources/${encodeURIComponent(id)}`)
    const publisher = page.locator('input[name="publisher"]')
    await expect.poll(() => page.locator('input[name="nameZh"]').inputValue()).toBe('编辑中的来源')
    await publisher.fill('我正在输入')

    await asEditor(
      `mutation ($id: ID!) { updateSource(id: $id, version: 1, input: { publisher: "昭通市统计局" }) { id } }`,
      {
        id,
      },
    )
    const warning = page.getByTestId('changed-warning')
    await expect.poll(() => warning.textContent()).toContain(`此记录已被 ${OPERATORS.editor.username} 修改（第 2 版）`)
    // The form keeps the operator's typing until they choose to reload.
    expect(await publisher.inputValue()).toBe('我正在输入')
    await browser.screenshot('live-edit-warning')

    await warning.getByRole('button', { name: '重新加载' }).click()
    await expect.poll(() => publisher.inputValue()).toBe('昭通市统计局')
    await expect.poll(() => warning.count()).toBe(0)
  })

  it('does not warn about the operator’s own save', async () => {
    const { createSource } = await hub.data('mutation { createSource(input: { nameZh: "自己保存的来源" }) { id } }')
    const id = createSource.id as string
    await page.goto(`/#/sources/${encodeURIComponent(id)}`)
    await expect.poll(() => page.locator('input[name="nameZh"]').inputValue()).toBe('自己保存的来源')
    // Remember whether the warning ever appears, however briefly, from here on.
    await page.evaluate(() => {
      const w = window as unknown as { warned: boolean }
      w.warned = false
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="changed-warning"]')) w.warned = true
      }).observe(document.body, { childList: true, subtree: true })
    })
    await page.locator('input[name="publisher"]').fill('自己填写的发布者')
    await page.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(
        async () => (await hub.data(`query ($id: ID!) { node(id: $id) { ... on Source { version } } }`, { id })).node,
      )
      .toEqual({ version: 2 })
    // The change's announcement has had time to arrive: the page is the record's show page, unwarned.
    await expect.poll(() => page.url()).toMatch(/\/show$/)
    await page.waitForTimeout(1_000)
    expect(await page.evaluate(() => (window as unknown as { warned: boolean }).warned)).toBe(false)
    expect(browser.problems).toEqual([])
  })
})
