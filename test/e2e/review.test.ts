// Review before publication in the console, on a hub that runs with review on: an editor's save
// waits in the reviewer's queue (待审核, with its count in the menu) and reaches partners only when a
// reviewer approves it; a rejected set returns to its author with the reason, to be amended and
// resubmitted; and the "as of" day shows the published data of the past, with a banner.
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestHub } from '../setup/hub.ts'
import { OPERATORS } from '../setup/operators.ts'
import { type ConsoleBrowser, consoleSession, type Page } from './browser.ts'

let hub: TestHub
let browser: ConsoleBrowser
let page: Page

const session = consoleSession({ config: { REVIEW: 'on' } })
beforeAll(() => {
  ;({ hub, browser, page } = session)
})

interface Hospital {
  id: string
  nameZh: string
  plannedBeds: number
  version: number
}

/** The hospital as partners read it (published) and as operators edit it (working). */
async function hospitalIn(view: 'PUBLISHED' | 'WORKING', search: string) {
  const { hospitals } = await hub.data<{ hospitals: { nodes: Hospital[] } }>(
    'query ($view: RecordView, $search: String) { hospitals(search: $search, view: $view) { nodes { id nameZh plannedBeds version } } }',
    { view, search },
  )
  return hospitals.nodes[0] as Hospital
}

const byName = (source: string) => page.locator(`input[name="${source}"]`)

/** Opens a hospital's edit form in the console and saves its planned beds. */
async function saveBeds(hospital: Hospital, beds: number) {
  await page.goto(`/#/hospitals/${encodeURIComponent(hospital.id)}`)
  await expect.poll(() => byName('plannedBeds').inputValue()).not.toBe('')
  await byName('plannedBeds').fill(String(beds))
  await page.getByRole('button', { name: '保存' }).click()
  await page.waitForURL(/\/show$/)
}

/** The seed's one hospital: each step below changes it again. */
const CENTRE = '滇东北中心医院'

describe('review before publication in the console', () => {
  let published: Hospital

  it("queues an editor's save for review, counted in the reviewer's menu and marked in lists", async () => {
    published = await hospitalIn('PUBLISHED', CENTRE)
    await browser.signInAs('editor', '/')
    await saveBeds(published, published.plannedBeds + 300)
    await expect.poll(() => page.getByText('已保存，等待审核：审核通过后才会发布。').count()).toBe(1)
    await expect.poll(() => page.getByTestId('pending-notice').textContent()).toContain(OPERATORS.editor.username)
    await browser.screenshot('review-record-pending')
    // Partners still read the published figure; operators see the change, marked unpublished.
    expect((await hospitalIn('PUBLISHED', CENTRE)).plannedBeds).toBe(published.plannedBeds)
    expect((await hospitalIn('WORKING', CENTRE)).plannedBeds).toBe(published.plannedBeds + 300)
    await page.goto(`/#/hospitals?filter=${encodeURIComponent(JSON.stringify({ q: CENTRE }))}`)
    await expect.poll(() => page.getByTestId('pending-mark').count()).toBe(1)
    await expect.poll(() => page.getByRole('cell', { name: String(published.plannedBeds + 300) }).count()).toBe(1)
    await browser.screenshot('review-list-unpublished-mark')

    // The published view: what partners read, nothing to change; kept for this operator on reload.
    await page.getByTestId('view-published').click()
    await expect.poll(() => page.getByTestId('published-banner').count()).toBe(1)
    await expect
      .poll(() => page.getByRole('cell', { name: String(published.plannedBeds), exact: true }).count())
      .toBe(1)
    expect(await page.getByRole('link', { name: '新建' }).count()).toBe(0)
    await page.reload()
    await expect.poll(() => page.getByTestId('published-banner').count()).toBe(1)
    await browser.screenshot('review-list-published-view')
    await page.getByTestId('view-working').click()
    await expect.poll(() => page.getByTestId('published-banner').count()).toBe(0)
    await expect.poll(() => page.getByRole('cell', { name: String(published.plannedBeds + 300) }).count()).toBe(1)

    await browser.signInAs('reviewer', '/')
    await expect.poll(() => page.getByTestId('reviews-count').textContent()).toBe('1')
  })

  it('shows the submitted set in the queue with its change side by side, and approves it', async () => {
    await page.getByRole('menuitem', { name: /待审核/ }).click()
    await expect.poll(() => page.getByRole('cell', { name: OPERATORS.editor.username }).count()).toBe(1)
    await browser.screenshot('review-queue')
    await page.getByRole('cell', { name: OPERATORS.editor.username }).click()
    const change = page.getByTestId('change')
    await expect.poll(() => change.textContent()).toContain(CENTRE)
    const row = change.getByRole('row', { name: /规划床位/ })
    await expect.poll(() => row.textContent()).toContain(String(published.plannedBeds + 300))
    expect(await row.textContent()).toContain(String(published.plannedBeds))
    await browser.useViewport('desktop')
    await browser.screenshot('review-set-desktop')
    await browser.useViewport('phone')
    await expect.poll(() => page.getByTestId('change').textContent()).toContain(CENTRE)
    await browser.screenshot('review-set-phone')
    expect(await browser.overflowX()).toBe(0)
    await browser.useViewport('desktop')

    await page.getByTestId('review-approve').click()
    await page.getByTestId('confirm-approve').click()
    await expect.poll(() => page.getByText('已审核通过，修改已发布。').count()).toBe(1)
    await expect.poll(async () => (await hospitalIn('PUBLISHED', CENTRE)).plannedBeds).toBe(published.plannedBeds + 300)
    await expect.poll(() => page.getByTestId('reviews-count').count()).toBe(0)
  })

  it('rejects a set only with a reason, which its author then reads, amends and resubmits', async () => {
    const county = await hospitalIn('WORKING', CENTRE)
    await browser.signInAs('editor', '/')
    await saveBeds(county, county.plannedBeds + 50)

    await browser.signInAs('reviewer', '/#/reviews')
    await page.getByRole('cell', { name: OPERATORS.editor.username }).click()
    await expect.poll(() => page.getByTestId('change').textContent()).toContain(CENTRE)
    await page.getByTestId('review-reject').click()
    await page.getByTestId('confirm-reject').click()
    // No reason, no rejection.
    await expect.poll(() => page.getByText('请填写原因。').count()).toBe(1)
    await page.locator('textarea[name="reviewReason"]').fill('床位数与卫健委2024年报不一致，请核对。')
    await browser.screenshot('review-reject-dialog')
    await page.getByTestId('confirm-reject').click()
    await expect.poll(() => page.getByText('已退回给提交人。').count()).toBe(1)

    await browser.signInAs('editor', '/#/myChanges')
    await expect.poll(() => page.getByTestId('myChanges-count').textContent()).toBe('1')
    await expect.poll(() => page.getByRole('cell', { name: '床位数与卫健委2024年报不一致，请核对。' }).count()).toBe(1)
    await page.getByRole('cell', { name: '床位数与卫健委2024年报不一致，请核对。' }).click()
    await expect
      .poll(() => page.getByTestId('rejection').textContent())
      .toContain('床位数与卫健委2024年报不一致，请核对。')
    await expect.poll(() => page.getByTestId('rejection').textContent()).toContain(OPERATORS.reviewer.username)
    await browser.screenshot('my-changes-rejected')

    // Amend: the edit joins the returned set, which is then sent again.
    await page.getByTestId('amend').click()
    await expect.poll(() => byName('plannedBeds').inputValue()).toBe(String(county.plannedBeds + 50))
    await byName('plannedBeds').fill(String(county.plannedBeds + 40))
    await page.getByRole('button', { name: '保存' }).click()
    await page.waitForURL(/\/show$/)
    await page.goto('/#/myChanges')
    await page.getByRole('cell', { name: '床位数与卫健委2024年报不一致，请核对。' }).click()
    await expect.poll(() => page.getByTestId('change').textContent()).toContain(String(county.plannedBeds + 40))
    await page.getByTestId('review-submit').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByText('已重新提交审核。').count()).toBe(1)
    await expect.poll(() => page.getByTestId('set-status').textContent()).toBe('待审核')
    expect((await hospitalIn('PUBLISHED', CENTRE)).plannedBeds).toBe(county.plannedBeds)
  })

  it("says the hub's refusal in words when the set changed after the reviewer opened it", async () => {
    await browser.signInAs('reviewer', '/#/reviews')
    await page.getByRole('cell', { name: OPERATORS.editor.username }).click()
    await expect.poll(() => page.getByTestId('change').textContent()).toContain(CENTRE)
    // The author amends the set meanwhile.
    const county = await hospitalIn('WORKING', CENTRE)
    const amended = await hub.gqlAs(
      'editor',
      'mutation ($id: ID!, $version: Int!) { updateHospital(id: $id, version: $version, input: { plannedBeds: 1234 }) { id } }',
      { id: county.id, version: county.version },
    )
    expect(amended.errors).toBeUndefined()
    await page.getByTestId('review-approve').click()
    await page.getByTestId('confirm-approve').click()
    await expect.poll(() => page.getByText('该变更集在您打开后已被修改，请重新加载后再审核。').count()).toBe(1)
  })

  it('shows the published data of a past day under a banner, without edits, and goes back to now', async () => {
    const county = await hospitalIn('PUBLISHED', CENTRE)
    await browser.signInAs('admin', `/#/hospitals?filter=${encodeURIComponent(JSON.stringify({ q: CENTRE }))}`)
    await expect.poll(() => page.getByRole('cell', { name: '1234' }).count()).toBe(1)
    await expect.poll(() => page.getByRole('link', { name: '新建' }).count()).toBe(1)

    const now = new Date()
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
    await page.getByTestId('as-of').fill(today)
    const banner = page.getByTestId('as-of-banner')
    await expect.poll(() => banner.textContent()).toContain(`您正在查看 ${today} 的已发布数据（历史）`)
    // The published figure, not the one in review; nothing to create or change.
    await expect.poll(() => page.getByRole('cell', { name: String(county.plannedBeds), exact: true }).count()).toBe(1)
    expect(await page.getByRole('cell', { name: '1234' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: '新建' }).count()).toBe(0)
    await browser.screenshot('as-of-list-desktop')
    await browser.useViewport('phone')
    await expect.poll(() => banner.count()).toBe(1)
    await expect.poll(() => page.getByText(CENTRE).count()).toBeGreaterThan(0)
    await browser.screenshot('as-of-list-phone')
    expect(await browser.overflowX()).toBe(0)
    await browser.useViewport('desktop')

    await page.goto('/#/')
    await expect.poll(() => banner.count()).toBe(1)
    await expect.poll(() => page.locator('[data-figure="hospitalPlannedBeds"] [data-value]').textContent()).not.toBe('')
    await browser.screenshot('as-of-dashboard')

    await page.getByRole('button', { name: '回到现在' }).click()
    await expect.poll(() => banner.count()).toBe(0)
  })

  it('approves several sets at once from the queue', async () => {
    const { sources } = await hub.data<{ sources: { nodes: { id: string; version: number }[] } }>(
      '{ sources(first: 2) { nodes { id version } } }',
    )
    for (const [i, source] of sources.nodes.entries()) {
      const saved = await hub.gqlAs(
        'editor',
        'mutation ($id: ID!, $version: Int!, $publisher: String) { updateSource(id: $id, version: $version, input: { publisher: $publisher }) { id } }',
        { ...source, publisher: `批量审核出版方${i}` },
      )
      expect(saved.errors).toBeUndefined()
    }
    await browser.signInAs('reviewer', '/#/reviews')
    // The hospital's set (changed after it was opened, still pending) and the two sources'.
    await expect.poll(() => page.getByRole('cell', { name: OPERATORS.editor.username }).count()).toBe(3)
    await page
      .getByRole('checkbox', { name: /全选|select all/i })
      .first()
      .check()
    await browser.screenshot('review-bulk')
    await page.getByTestId('bulk-approve').click()
    await expect.poll(() => page.getByText('已通过 3 个变更集。').count()).toBe(1)
    const { sources: published } = await hub.data<{ sources: { nodes: { publisher: string | null }[] } }>(
      '{ sources(first: 2, view: PUBLISHED) { nodes { publisher } } }',
    )
    expect(published.nodes.map((source) => source.publisher)).toEqual(['批量审核出版方0', '批量审核出版方1'])
  })

  it('locks a reporting period: its rows read-only in forms, a save touching it refused, unlocked by an admin', async () => {
    const { indicators } = await hub.data<{
      indicators: { nodes: { id: string; nameZh: string; observations: { year: number; value: string }[] }[] }
    }>('{ indicators(first: 20) { nodes { id nameZh observations { year value } } } }')
    const indicator = indicators.nodes.find((node) => node.observations.length > 0)
    if (!indicator) throw new Error('The seed has no indicator with observations')
    const year = indicator.observations[0]?.year as number
    const editForm = `/#/indicators/${encodeURIComponent(indicator.id)}`
    const value = page.locator('input[name="observations.0.value"]')

    await browser.signInAs('reviewer', '/#/periodLocks')
    await page.getByRole('link', { name: '锁定报告期' }).click()
    await byName('year').fill(String(year))
    await page.locator('textarea[name="reason"]').fill('年报已发布')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByRole('cell', { name: String(year), exact: true }).count()).toBe(1)
    await expect.poll(() => page.getByRole('cell', { name: '年报已发布' }).count()).toBe(1)
    // Reviewers lock; only admins unlock.
    expect(await page.getByRole('button', { name: '解锁', exact: true }).count()).toBe(0)
    await browser.screenshot('period-locks')

    // The form shows the lock, and the locked period's figures read-only.
    await browser.signInAs('editor', editForm)
    await expect
      .poll(() => page.getByTestId('locked-periods').textContent())
      .toContain(`报告期 ${year} 已由 ${OPERATORS.reviewer.username} 锁定（年报已发布）`)
    await expect.poll(() => value.getAttribute('readonly')).not.toBeNull()
    await browser.screenshot('period-locked-form')

    await browser.signInAs('admin', '/#/periodLocks')
    await page.getByRole('button', { name: '解锁', exact: true }).click()
    await page.getByRole('button', { name: '解锁', exact: true }).last().click()
    await expect.poll(() => page.getByText('请填写原因。').count()).toBe(1)
    await page.locator('textarea[name="unlockReason"]').fill('更正统计口径')
    await page.getByRole('button', { name: '解锁', exact: true }).last().click()
    await expect.poll(() => page.getByRole('cell', { name: '更正统计口径' }).count()).toBe(1)

    // Locked again while an editor has the form open: the save is refused in the hub's words.
    await browser.signInAs('editor', editForm)
    await expect.poll(() => value.inputValue()).not.toBe('')
    expect(await value.getAttribute('readonly')).toBeNull()
    const locked = await hub.gqlAs(
      'reviewer',
      'mutation ($year: Int!) { lockPeriod(input: { year: $year, reason: "再次锁定" }) { id } }',
      {
        year,
      },
    )
    expect(locked.errors).toBeUndefined()
    await value.fill(String(Number(await value.inputValue()) + 1))
    await page.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() =>
        page.getByText(`报告期 ${year} 已由 ${OPERATORS.reviewer.username} 锁定（再次锁定）`, { exact: false }).count(),
      )
      .toBeGreaterThan(0)
    await browser.screenshot('period-locked-save')
    expect(browser.problems.join('\n')).toBe('')
  })
})
