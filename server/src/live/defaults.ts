// Defaults of live updates, apart from bus.ts so the configuration can name them without loading Redis.

/** Prefix of the Redis channel of live updates (LIVE_CHANNEL_PREFIX). */
export const DEFAULT_CHANNEL_PREFIX = 'minsheng:live:'
