// Defaults of the API's limits, here rather than in config.ts so that code building a hub without
// environment variables (tests, scripts) gets the same values as `loadConfig()`.

export const HARDENING_DEFAULTS = {
  /** Nesting of fields; a connection takes two levels (`hospitals { nodes { … } }`). */
  maxDepth: 12,
  /** Aliases in one operation: the console deletes up to 50 records per request, one alias each. */
  maxAliases: 60,
  /** Lexical tokens in one document: a 50-alias delete is ~900, GraphiQL's introspection ~300. */
  maxTokens: 2_000,
  /** Directives in one operation. */
  maxDirectives: 20,
  /** Fields one selection set asks for, fragments included (the widest type has ~25 fields). */
  maxBreadth: 100,
  /**
   * Estimated values in a response (cost.ts). A console page of 200 records costs 30,000-56,000
   * (indicators the most, with their observations, quality issues and changes in review); two
   * nested pages of 200 cost over 120,000.
   */
  maxCost: 120_000,
  /** Bytes of an import's body: room for the console's CSV import of 10,000 rows (sent as JSON rows). */
  maxBodyBytes: 8_388_608,
  /** Bytes of any other operation's body (a 50-record delete is ~5 KB). */
  maxOrdinaryBodyBytes: 1_048_576,
  executionTimeoutMs: 10_000,
  /** importRecords writes up to 10,000 rows in one transaction (its own limit in records/import.ts). */
  importTimeoutMs: 300_000,
  /**
   * Items in any one list argument (nodes(ids:), `in`, AND/OR, orderBy, types): a page of records
   * holds at most 200, and the console asks for the references of a page in one nodes(ids:).
   */
  maxListItems: 500,
  /** Nesting of input objects and lists in one argument (a `where` with AND/OR/NOT and relations). */
  maxInputDepth: 16,
  /**
   * Operations executing at once per instance (each of the light and the heavy lane); 0 picks by
   * database: 2 on the embedded one (it runs one statement at a time), the pool size on PostgreSQL.
   */
  maxConcurrentOperations: 0,
  /**
   * Operations waiting for a turn per lane; more get 503 OVERLOADED at once. The wait itself is
   * bounded by admissionQueueTimeoutMs; this bounds memory. 20 refused a single partner's 50
   * parallel reads of a record (a few ms each) although every one would have run within 50 ms.
   */
  maxQueuedOperations: 100,
  /** How long an operation waits for its turn before 503 OVERLOADED. */
  admissionQueueTimeoutMs: 5_000,
  /** Operations estimated at this cost or less take the light lane (a record, `me`, the overview). */
  lightOperationCost: 1_000,
  /** Operations per minute for anonymous callers, per client address. 0 means no limit. */
  rateLimitPerMinute: 600,
  /** Operations per minute for a signed-in user or an API key that carries no limit of its own. */
  identifiedRateLimitPerMinute: 6_000,
  /**
   * Subscriptions one caller (a key, an operator, an anonymous address) holds open at once on one
   * instance: a console tab holds one. 0 means no limit.
   */
  maxStreamsPerCaller: 20,
  /** Prefix of the counters' keys in Redis, so several hubs (or tests) can share one server. */
  rateLimitKeyPrefix: 'minsheng:ratelimit',
  /** Proxies in front of the hub whose X-Forwarded-For entries are trusted. */
  trustProxyHops: 0,
} as const
