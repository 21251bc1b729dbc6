// Who may do what in the console, and the way back: signing in, what a viewer is not offered, a
// conflicting save explained and re-applied, the trash, and restoring an earlier version.
// Run with HUB_E2E=1 (needs /usr/bin/chromium); screenshots go to test/artifacts/.
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestHub } from '../setup/hub.ts'
import { OPERATORS, TEST_PASSWORD } from '../setup/operators.ts'
import { type ConsoleBrowser, consoleSession, type Page } from './browser.ts'

let hub: TestHub
let browser: ConsoleBrowser
let page: Page

const session = consoleSession()
beforeAll(() => {
  ;({ hub, browser, page } = session)
})

const byName = (source: string) => page.locator(`[name="${source}"]`)

interface Hospital {
  id: string
  version: number
  plannedBeds: number
  openBeds: number | null
  grade: string | null
}

async function hospital(search: string): Promise<Hospital> {
  const { hospitals } = await hub.data<{ hospitals: { nodes: Hospital[] } }>(
    'query ($q: String) { hospitals(search: $q) { nodes { id version plannedBeds openBeds grade } } }',
    { q: search },
  )
  return hospitals.nodes[0] as Hospital
}

async function hospitalById(id: string): Promise<Hospital> {
  const { node } = await hub.data<{ node: Hospital }>(
    'query ($id: ID!) { node(id: $id) { ... on Hospital { id version plannedBeds openBeds grade } } }',
    { id },
  )
  return node
}

describe('signing in', () => {
  it('sends a visitor to the login page, refuses a wrong password, and lets the right one in', async () => {
    await browser.signInAs(null, '/')
    await page.waitForURL(/#\/login$/)
    await byName('username').fill(OPERATORS.admin.username)
    await byName('password').fill('not the password')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码不正确')
    await browser.screenshot('login-wrong-password')

    await byName('password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/#\/$/)
    await expect.poll(() => page.locator('[data-figure="relocatedPopulation"] [data-value]').count()).toBe(1)
    // The user menu says who is signed in and with which role.
    await page.getByRole('button', { name: '个人资料' }).click()
    await expect.poll(() => page.getByTestId('identity').textContent()).toContain('test-admin')
    expect(await page.getByTestId('identity').textContent()).toContain('管理员')
    await browser.screenshot('signed-in-user-menu')
    await page.getByRole('menuitem', { name: '退出登录' }).click()
    await page.waitForURL(/#\/login$/)
    // Signed out on the server too: the session no longer works.
    await page.goto('/#/hospitals')
    await page.waitForURL(/#\/login$/)
  })
})

describe('a viewer', () => {
  it('is offered no create, edit, delete or import, and none of the admin pages', async () => {
    await browser.signInAs('viewer', '/#/hospitals')
    await expect.poll(() => page.getByText(/共 \d+ 条/).count()).toBe(1)
    await expect.poll(() => page.getByRole('button', { name: '导出' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: '新建' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '导入' }).count()).toBe(0)
    expect(await page.getByRole('checkbox').count()).toBe(0)
    for (const adminPage of ['回收站', '审计日志', '用户', 'API 密钥']) {
      expect(await page.getByRole('menuitem', { name: adminPage }).count(), adminPage).toBe(0)
    }
    await browser.screenshot('viewer-hospitals')

    const { id } = await hospital('滇东北中心医院')
    await page.goto(`/#/hospitals/${encodeURIComponent(id)}/show`)
    await expect.poll(() => page.getByRole('tab', { name: '修改历史' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: '编辑' }).count()).toBe(0)
    // Typing the edit address is refused too.
    await page.goto(`/#/hospitals/${encodeURIComponent(id)}`)
    await page.waitForURL(/access-denied/)
  })
})

describe('a conflicting change', () => {
  it('is explained with both values, and re-applying saves the edit on top of the newer version', async () => {
    const before = await hospital('滇东北中心医院')
    await browser.signInAs('editor', `/#/hospitals/${encodeURIComponent(before.id)}`)
    await expect.poll(() => byName('plannedBeds').inputValue()).toBe(String(before.plannedBeds))
    const mine = before.plannedBeds + 11
    await byName('plannedBeds').fill(String(mine))
    await byName('reason').fill('按新规划调整床位')

    // Meanwhile the admin changes the same record through the API.
    const theirs = before.plannedBeds + 99
    const other = await hub.gqlAs(
      'admin',
      'mutation ($id: ID!, $v: Int!, $beds: Int) { updateHospital(id: $id, version: $v, input: { plannedBeds: $beds, openBeds: 321 }) { version } }',
      { id: before.id, v: before.version, beds: theirs },
    )
    expect(other.errors).toBeUndefined()

    await page.getByRole('button', { name: '保存' }).click()
    const dialog = page.getByTestId('conflict-dialog')
    await expect
      .poll(() => dialog.getByTestId('conflict-message').textContent())
      .toContain(`此记录已被 ${OPERATORS.admin.username} 于`)
    const row = dialog.locator('tr[data-field="plannedBeds"]')
    await expect.poll(() => row.locator('[data-column="current"]').textContent()).toBe(String(theirs))
    expect(await row.locator('[data-column="yours"]').textContent()).toBe(String(mine))
    expect(await row.locator('td').first().textContent()).toBe('规划床位')
    await browser.screenshot('conflict-dialog')

    await dialog.getByRole('button', { name: '重新应用我的修改' }).click()
    await page.waitForURL(/\/show$/)
    const after = await hospitalById(before.id)
    // My change on top of theirs: their other field stays.
    expect(after).toMatchObject({ plannedBeds: mine, openBeds: 321, version: before.version + 2 })
    const { node } = await hub.data<{ node: { history: { actorName: string; reason: string | null }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Hospital { history { actorName reason } } } }',
      { id: before.id },
    )
    expect(node.history[0]).toEqual({ actorName: OPERATORS.editor.username, reason: '按新规划调整床位' })
  })
})

describe('the trash', () => {
  it('takes a record deleted from a list, and an editor restores it (purging is for admins)', async () => {
    const { schools } = await hub.data<{ schools: { nodes: { id: string; nameZh: string }[] } }>(
      '{ schools(first: 1, orderBy: [{ field: NAME_ZH, direction: DESC }]) { nodes { id nameZh } } }',
    )
    const school = schools.nodes[0] as { id: string; nameZh: string }
    await browser.signInAs('editor', `/#/schools?filter=${encodeURIComponent(JSON.stringify({ q: school.nameZh }))}`)
    const row = page.getByRole('row').filter({ hasText: school.nameZh })
    await expect.poll(() => row.count()).toBe(1)
    await row.getByRole('checkbox').check()
    await page.getByRole('button', { name: '删除' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
    await expect
      .poll(
        async () =>
          (await hub.data<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id: school.id })).node,
      )
      .toBeNull()

    await page.goto('/#/trash')
    const item = page.getByRole('row').filter({ hasText: school.nameZh })
    await expect.poll(() => item.count()).toBe(1)
    expect(await item.textContent()).toContain(OPERATORS.editor.username)
    expect(await item.getByRole('button', { name: '永久删除' }).count()).toBe(0)
    await browser.screenshot('trash')
    await item.getByRole('button', { name: '恢复' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click()
    await expect.poll(() => item.count()).toBe(0)
    // The row leaves the trash list as the restore is sent; the record is back once it commits.
    await expect
      .poll(
        async () =>
          (
            await hub.data<{ node: { id: string; nameZh: string } | null }>(
              'query ($id: ID!) { node(id: $id) { ... on School { id nameZh } } }',
              { id: school.id },
            )
          ).node,
      )
      .toEqual(school)
  })
})

describe('the history tab', () => {
  it('lists each change with its fields, and restores an older version', async () => {
    const start = await hospital('滇东北中心医院')
    const change = (version: number, grade: string, reason: string) =>
      hub.data<{ updateHospital: { version: number } }>(
        'mutation ($id: ID!, $v: Int!, $grade: String, $reason: String) { updateHospital(id: $id, version: $v, input: { grade: $grade }, reason: $reason) { version } }',
        { id: start.id, v: version, grade, reason },
      )
    const first = await change(start.version, '三级甲等', '按评审结果更新等级')
    const second = await change(first.updateHospital.version, '三级乙等', '误填')
    const wanted = first.updateHospital.version

    await browser.signInAs('admin', `/#/hospitals/${encodeURIComponent(start.id)}/show/history`)
    const events = page.getByTestId('history-event')
    await expect.poll(() => events.count()).toBeGreaterThanOrEqual(2)
    // Newest first, with who, why and what.
    const newest = events.first()
    expect(await newest.getAttribute('data-version')).toBe(String(second.updateHospital.version))
    expect(await newest.textContent()).toContain('原因：误填')
    const gradeRow = newest.getByRole('row').filter({ hasText: '医院等级' })
    expect(await gradeRow.getByRole('cell').allTextContents()).toEqual(['医院等级', '三级甲等', '三级乙等'])
    // The current version offers no restore; the older one does.
    expect(await newest.getByRole('button', { name: '恢复此版本' }).count()).toBe(0)
    const older = page.locator(`[data-testid="history-event"][data-version="${wanted}"]`)
    await older.getByRole('button', { name: '恢复此版本' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain(`恢复到第 ${wanted} 版`)
    await dialog.locator('textarea[name="restoreReason"]').fill('撤回误填的等级')
    await browser.screenshot('history-restore')
    await dialog.getByRole('button', { name: '恢复', exact: true }).click()

    await expect.poll(async () => (await hospitalById(start.id)).grade).toBe('三级甲等')
    await expect.poll(() => events.first().textContent()).toContain('撤回误填的等级')
    expect(await events.first().textContent()).toContain('恢复')
    await browser.screenshot('history-restored')
  })
})

describe('the console as a whole', () => {
  it('reported no page errors', () => {
    expect(browser.problems).toEqual([])
  })
})
