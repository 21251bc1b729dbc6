// Read replicas (DATABASE_REPLICA_URLS). The "replica" is a second copy of the seeded database whose
// names differ, so every answer shows which database it came from: plain reads come from the
// replica, while a mutation's payload, reads after its write and who is signed in come from the primary.
import { randomBytes } from 'node:crypto'
import { loadConfig } from '@minsheng/server/config'
import { type Hub, startHub } from '@minsheng/server/hub'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { withDatabase } from '../setup/global.ts'
import { databaseKind } from '../setup/hub.ts'
import { sessionToken, TEST_PASSWORD } from '../setup/operators.ts'

/** Appended to every hospital and division name in the replica only. */
const REPLICA_MARK = '（副本）'
const HOSPITAL = '滇东北中心医院'

describe('DATABASE_REPLICA_URLS is refused without a PostgreSQL primary', () => {
  it('names the problem', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgresql://replica/hub' })).toThrow(
      /DATABASE_REPLICA_URLS: read replicas need a PostgreSQL primary/,
    )
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgresql://primary/hub', DATABASE_REPLICA_URLS: 'mysql://replica/hub' }),
    ).toThrow(/must be a postgresql:\/\/ URL/)
    expect(
      loadConfig({
        DATABASE_URL: 'postgresql://primary/hub',
        DATABASE_REPLICA_URLS: ' postgresql://a/hub, postgresql://b/hub ',
      }).DATABASE_REPLICA_URLS,
    ).toEqual(['postgresql://a/hub', 'postgresql://b/hub'])
  })
})

describe.skipIf(databaseKind !== 'postgres')('reads on a replica, writes and their reads on the primary', () => {
  const template = inject('postgresTemplate')
  const suffix = randomBytes(4).toString('hex')
  const primaryName = `${template?.template}_primary_${suffix}`
  const replicaName = `${template?.template}_replica_${suffix}`
  let hub: Hub
  let admin: pg.Client

  beforeAll(async () => {
    if (!template) throw new Error('no PostgreSQL template')
    admin = new pg.Client({ connectionString: template.adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${primaryName} TEMPLATE ${template.template}`)
    await admin.query(`CREATE DATABASE ${replicaName} TEMPLATE ${template.template}`)
    const replica = new pg.Client({ connectionString: withDatabase(template.adminUrl, replicaName) })
    await replica.connect()
    await replica.query(`UPDATE "Hospital" SET "nameZh" = "nameZh" || $1`, [REPLICA_MARK])
    await replica.query(`UPDATE "Division" SET "nameZh" = "nameZh" || $1`, [REPLICA_MARK])
    await replica.end()
    hub = await startHub({
      config: {
        PORT: 0,
        HOST: '127.0.0.1',
        DATABASE_URL: withDatabase(template.adminUrl, primaryName),
        DATABASE_REPLICA_URLS: [withDatabase(template.adminUrl, replicaName)],
        DATA_DIR: 'memory://',
        SEED: 'off',
        DATABASE_POOL_SIZE: 3,
        STATEMENT_TIMEOUT_MS: 15_000,
      },
    })
  })
  afterAll(async () => {
    await hub?.close()
    for (const name of [primaryName, replicaName]) await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin?.end()
  })

  async function gql(query: string, variables: Record<string, unknown> = {}, cookie = sessionToken('admin')) {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `mh_session=${cookie}` },
      body: JSON.stringify({ query, variables }),
    })
    return { response, body: (await response.json()) as { data?: any; errors?: any[] } }
  }

  const readHospital = async () =>
    (await gql(`{ hospitals(search: "${HOSPITAL}") { nodes { id version nameZh openBeds division { nameZh } } } }`))
      .body.data.hospitals.nodes[0]

  it('answers plain queries from the replica', async () => {
    const hospital = await readHospital()
    expect(hospital.nameZh.endsWith(REPLICA_MARK)).toBe(true)
    expect(hospital.division.nameZh.endsWith(REPLICA_MARK)).toBe(true)
  })

  it('answers a mutation, and what it reads after its write, from the primary', async () => {
    const before = await readHospital()
    const openBeds = (before.openBeds ?? 0) + 7
    const { body } = await gql(
      `mutation ($id: ID!, $version: Int!, $openBeds: Int) {
        updateHospital(id: $id, version: $version, input: { openBeds: $openBeds }) {
          version nameZh openBeds division { nameZh }
        }
      }`,
      { id: before.id, version: before.version, openBeds },
    )
    expect(body.errors).toBeUndefined()
    const payload = body.data.updateHospital
    // The written value, and the primary's names (no mark), even through a relation.
    expect(payload).toMatchObject({ version: before.version + 1, openBeds })
    expect(payload.nameZh).toBe(before.nameZh.replace(REPLICA_MARK, ''))
    expect(payload.division.nameZh).toBe(before.division.nameZh.replace(REPLICA_MARK, ''))
    // The next request's reads go to the replica again, which (no replication here) never saw the write.
    expect(await readHospital()).toEqual(before)
  })

  it('knows a session started a moment ago, though the replica has never seen it', async () => {
    const { response, body } = await gql(
      `mutation { login(username: "test-viewer", password: ${JSON.stringify(TEST_PASSWORD)}) { username } }`,
    )
    expect(body.data?.login).toEqual({ username: 'test-viewer' })
    const token = /mh_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]
    expect(token).toBeDefined()
    const me = await gql('{ me { username } }', {}, decodeURIComponent(token as string))
    expect(me.body).toEqual({ data: { me: { username: 'test-viewer' } } })
  })

  it('reports each replica in /health and answers 503 when one is down', async () => {
    const healthy = await fetch(`${hub.url}/health`)
    expect(healthy.status).toBe(200)
    expect(await healthy.json()).toMatchObject({ status: 'ok', primary: 'ok', replicas: ['ok'] })
    await admin.query(`DROP DATABASE ${replicaName} WITH (FORCE)`)
    const down = await fetch(`${hub.url}/health`)
    expect(down.status).toBe(503)
    expect(await down.json()).toMatchObject({ status: 'unavailable', primary: 'ok', replicas: ['unavailable'] })
  })
})
