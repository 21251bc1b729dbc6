// Use per partner key: every GraphQL response to a key is counted — requests, errors by code,
// records returned, latency, bytes out, and the last address — in memory, then added to the key's
// row for the day (UTC) every few seconds, so instances sharing a database add up. Rows older than
// 400 days are removed as we go. The same counts feed Prometheus, labelled by key id (as many
// series as keys, which admins create one by one).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Counter, Histogram, type Registry } from 'prom-client'
import { db } from '../db.ts'
import { bucketOf, dayOf, emptyBuckets, LATENCY_BOUNDS_MS, USAGE_RETENTION_DAYS } from '../rules/usage.ts'
import type { Logger } from './logger.ts'
import { currentRequest } from './request-context.ts'

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown

export interface UsageEntry {
  keyId: number
  at: Date
  durationMs: number
  bytes: number
  errorCodes: string[]
  rows: number
  address?: string
}

interface DayTotals {
  keyId: number
  day: string
  requests: number
  errors: Record<string, number>
  rows: number
  bytes: number
  buckets: number[]
  lastUsedAt: Date
  lastAddress: string | null
}

export interface KeyUsage {
  record(entry: UsageEntry): void
  /** Adds what was counted since the last flush to the database; removes days past retention hourly (or when `prune`). */
  flush(options?: { prune?: boolean }): Promise<void>
  /** Counts the bytes of each response and records it once sent, when a key asked for it. */
  wrap(handle: Handler): Handler
  close(): Promise<void>
}

const FLUSH_INTERVAL_MS = 5_000
const PRUNE_INTERVAL_MS = 3_600_000

// One statement per key and day: the day's row is created or added to, on any instance.
const UPSERT = `INSERT INTO "ApiKeyUsageDay" AS u
  ("apiKeyId", day, requests, errors, "rowsReturned", "bytesOut", "latencyBuckets", "lastUsedAt", "lastAddress")
  VALUES ($1, $2::date, $3, $4::jsonb, $5, $6::bigint, $7::int[], $8::timestamp, $9)
  ON CONFLICT ("apiKeyId", day) DO UPDATE SET
    requests = u.requests + EXCLUDED.requests,
    errors = (SELECT COALESCE(jsonb_object_agg(code, total), '{}'::jsonb) FROM (
      SELECT code, sum(n)::int AS total FROM (
        SELECT key AS code, value::int AS n FROM jsonb_each_text(u.errors)
        UNION ALL SELECT key, value::int FROM jsonb_each_text(EXCLUDED.errors)) AS both_counts
      GROUP BY code) AS summed),
    "rowsReturned" = u."rowsReturned" + EXCLUDED."rowsReturned",
    "bytesOut" = u."bytesOut" + EXCLUDED."bytesOut",
    "latencyBuckets" = ARRAY(
      SELECT COALESCE(a, 0) + COALESCE(b, 0)
      FROM unnest(u."latencyBuckets", EXCLUDED."latencyBuckets") WITH ORDINALITY AS t(a, b, i) ORDER BY i),
    "lastUsedAt" = GREATEST(u."lastUsedAt", EXCLUDED."lastUsedAt"),
    "lastAddress" = CASE WHEN u."lastUsedAt" IS NULL OR EXCLUDED."lastUsedAt" >= u."lastUsedAt"
      THEN COALESCE(EXCLUDED."lastAddress", u."lastAddress") ELSE u."lastAddress" END`

export function createKeyUsage(registry: Registry, logger: Logger): KeyUsage {
  let pending = new Map<string, DayTotals>()
  let prunedAt = 0
  const requests = new Counter({
    name: 'hub_api_key_requests_total',
    help: 'GraphQL requests per partner key',
    labelNames: ['key'] as const,
    registers: [registry],
  })
  const errors = new Counter({
    name: 'hub_api_key_errors_total',
    help: 'Errors in responses to a partner key, per error code',
    labelNames: ['key', 'code'] as const,
    registers: [registry],
  })
  const rows = new Counter({
    name: 'hub_api_key_rows_returned_total',
    help: 'Records returned to a partner key',
    labelNames: ['key'] as const,
    registers: [registry],
  })
  const bytes = new Counter({
    name: 'hub_api_key_bytes_out_total',
    help: 'Response bytes sent to a partner key',
    labelNames: ['key'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'hub_api_key_request_duration_seconds',
    help: 'Time to answer a partner key (seconds)',
    labelNames: ['key'] as const,
    buckets: LATENCY_BOUNDS_MS.map((ms) => ms / 1000),
    registers: [registry],
  })

  const usage: KeyUsage = {
    record(entry) {
      const key = String(entry.keyId)
      requests.inc({ key })
      for (const code of entry.errorCodes) errors.inc({ key, code })
      rows.inc({ key }, entry.rows)
      bytes.inc({ key }, entry.bytes)
      duration.observe({ key }, entry.durationMs / 1000)
      const day = dayOf(entry.at)
      const id = `${entry.keyId}|${day}`
      let totals = pending.get(id)
      if (!totals) {
        totals = {
          keyId: entry.keyId,
          day,
          requests: 0,
          errors: {},
          rows: 0,
          bytes: 0,
          buckets: emptyBuckets(),
          lastUsedAt: entry.at,
          lastAddress: null,
        }
        pending.set(id, totals)
      }
      totals.requests += 1
      for (const code of entry.errorCodes) totals.errors[code] = (totals.errors[code] ?? 0) + 1
      totals.rows += entry.rows
      totals.bytes += entry.bytes
      totals.buckets[bucketOf(entry.durationMs)] = (totals.buckets[bucketOf(entry.durationMs)] ?? 0) + 1
      if (entry.at >= totals.lastUsedAt) {
        totals.lastUsedAt = entry.at
        totals.lastAddress = entry.address?.slice(0, 64) ?? totals.lastAddress
      }
    },
    async flush({ prune = false } = {}) {
      const batch = [...pending.values()]
      pending = new Map()
      for (const totals of batch) {
        try {
          await db().$executeRawUnsafe(
            UPSERT,
            totals.keyId,
            totals.day,
            totals.requests,
            JSON.stringify(totals.errors),
            totals.rows,
            String(totals.bytes),
            totals.buckets,
            totals.lastUsedAt.toISOString(),
            totals.lastAddress,
          )
        } catch (error) {
          // A key removed meanwhile, or the database away: the counts are lost, the request was not.
          logger.warn({ err: error, keyId: totals.keyId }, 'Could not record the use of an API key')
        }
      }
      if (prune || Date.now() - prunedAt > PRUNE_INTERVAL_MS) {
        prunedAt = Date.now()
        const cutoff = dayOf(new Date(Date.now() - USAGE_RETENTION_DAYS * 86_400_000))
        await db()
          .$executeRawUnsafe(`DELETE FROM "ApiKeyUsageDay" WHERE day < $1::date`, cutoff)
          .catch((error: unknown) => logger.warn({ err: error }, 'Could not remove old API key use'))
      }
    },
    wrap(handle) {
      return (request, response) => {
        const started = process.hrtime.bigint()
        const details = currentRequest()
        let sent = 0
        const count = (chunk: unknown) => {
          if (typeof chunk === 'string') sent += Buffer.byteLength(chunk)
          else if (chunk && typeof (chunk as Uint8Array).byteLength === 'number')
            sent += (chunk as Uint8Array).byteLength
        }
        const write = response.write.bind(response)
        const end = response.end.bind(response)
        response.write = ((chunk: unknown, ...rest: never[]) => {
          count(chunk)
          return write(chunk as never, ...rest)
        }) as typeof response.write
        response.end = ((chunk?: unknown, ...rest: never[]) => {
          if (typeof chunk !== 'function') count(chunk)
          return end(chunk as never, ...rest)
        }) as typeof response.end
        response.once('close', () => {
          if (details?.keyId === undefined) return
          usage.record({
            keyId: details.keyId,
            at: new Date(),
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
            bytes: sent,
            errorCodes: details.errorCodes ?? [],
            rows: details.rows ?? 0,
            ...(details.clientAddress ? { address: details.clientAddress } : {}),
          })
        })
        return handle(request, response)
      }
    },
    async close() {
      clearInterval(timer)
      await usage.flush()
    },
  }
  const timer = setInterval(() => void usage.flush(), FLUSH_INTERVAL_MS)
  timer.unref()
  return usage
}
