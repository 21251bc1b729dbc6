import { startHub } from '@minsheng/server/hub'
const hub = await startHub({ config: { PORT: 4411, HOST: '127.0.0.1', DATABASE_URL: undefined, DATA_DIR: 'memory://', SEED: 'auto', DATABASE_POOL_SIZE: 5, STATEMENT_TIMEOUT_MS: 15000 } as never })
console.log(hub.url)
setInterval(() => {}, 1 << 30)
