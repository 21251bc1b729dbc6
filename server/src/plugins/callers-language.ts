// Refusals raised before the caller's language is known (limits, throttling, an unreachable
// database, masking) are written in English; this puts their message in the caller's language at
// the end, from the code and the figures the error carries, so every refusal reads the same way.
import type { Plugin } from 'graphql-yoga'
import { unavailableMessage } from '../records/unavailable.ts'
import { localeOf } from './locale.ts'
import { rewriteErrors, withMessage } from './result-errors.ts'

type Extensions = Record<string, unknown>

/** Chinese messages of the refusals, by `extensions.code`, from the figures in the extensions. */
const CHINESE: Record<string, (e: Extensions) => string> = {
  SERVICE_UNAVAILABLE: () => unavailableMessage('zh'),
  DEPTH_LIMIT_EXCEEDED: (e) => `查询的嵌套层数超过上限 ${e.limit}。`,
  ALIAS_LIMIT_EXCEEDED: (e) => `查询中的别名数超过上限 ${e.limit}。`,
  TOKEN_LIMIT_EXCEEDED: (e) => `查询文本过长：词法单元数超过上限 ${e.limit}。`,
  DIRECTIVE_LIMIT_EXCEEDED: (e) => `查询中的指令数超过上限 ${e.limit}。`,
  BREADTH_LIMIT_EXCEEDED: (e) => `同一层选择的字段数超过上限 ${e.limit}。`,
  COST_LIMIT_EXCEEDED: (e) => `查询的估算开销 ${e.cost} 超过上限 ${e.limit}：请减少每页条数或嵌套的列表。`,
  PAYLOAD_TOO_LARGE: (e) => `请求体超过 ${e.limit} 字节的上限。`,
  EXECUTION_TIMEOUT: (e) => `操作执行超过 ${e.timeoutMs} 毫秒，已被停止。`,
  RATE_LIMITED: (e) => `请求过于频繁：每分钟最多 ${e.limit} 次，请 ${e.retryAfter} 秒后再试。`,
  OVERLOADED: (e) => `服务器正忙，请 ${e.retryAfter} 秒后再试。`,
  CSRF_HEADER_REQUIRED: () =>
    '使用登录 Cookie 的请求须以 JSON（Content-Type: application/json）发送或带上请求头 x-minsheng-csrf: 1，以防跨站伪造；此请求已被拒绝。',
  FORBIDDEN_ORIGIN: () => '不允许从此来源（Origin）使用本系统的登录 Cookie。',
  // A key bound to trusted operations (yoga.ts, usePersistedOperations).
  TRUSTED_OPERATIONS_ONLY: () =>
    '该密钥只能运行已登记的受信操作，请按摘要发送（extensions.persistedQuery.sha256Hash）。',
  PERSISTED_QUERY_NOT_FOUND: () => '没有您可运行的、摘要与此相同的受信操作。',
}

export function useMessagesInCallersLanguage(): Plugin {
  return {
    onResultProcess(payload) {
      if (localeOf(payload.request.headers.get('accept-language')) !== 'zh') return
      rewriteErrors(payload, (error) => {
        const translate = CHINESE[String(error.extensions.code)]
        return translate ? withMessage(error, translate(error.extensions as Extensions)) : undefined
      })
    },
  }
}
