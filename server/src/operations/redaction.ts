// Secrets never reach the logs: pino removes them at known paths, and GraphQL variables (whose
// shape the caller chooses) are scrubbed by key name before they are logged at all.

export const REDACTED = '[redacted]'

/** Paths pino censors in every log line (headers as pino's serializers and our own lines name them). */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
]

/** Keys whose values are secrets wherever they occur: passwords, keys, tokens, cookies, sessions. */
const SECRET_KEY = /pass(word|phrase)?|secret|token|api[-_]?key|^key$|authori[sz]ation|cookie|session/i

/** A copy of `value` with every secret-named key's value replaced, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner)]),
  )
}
