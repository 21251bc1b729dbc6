// Login throttling per account and address, so passwords cannot be guessed at speed.
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible'

const FAILURES_PER_ACCOUNT = 5
const FAILURES_PER_ADDRESS = 30
const WINDOW_SECONDS = 15 * 60

const byAccount = new RateLimiterMemory({
  keyPrefix: 'login-account',
  points: FAILURES_PER_ACCOUNT,
  duration: WINDOW_SECONDS,
})
const byAddress = new RateLimiterMemory({
  keyPrefix: 'login-address',
  points: FAILURES_PER_ADDRESS,
  duration: WINDOW_SECONDS,
})

const accountKey = (username: string, address: string) => `${username.trim().toLowerCase()}|${address}`

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function loginWait(username: string, address: string): Promise<number> {
  const [account, anyAccount] = await Promise.all([
    byAccount.get(accountKey(username, address)),
    byAddress.get(address),
  ])
  const blocked = [account, anyAccount].filter(
    (res, index): res is RateLimiterRes =>
      res != null && res.consumedPoints >= (index === 0 ? FAILURES_PER_ACCOUNT : FAILURES_PER_ADDRESS),
  )
  return blocked.length ? Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000) : 0
}

export async function recordLoginFailure(username: string, address: string) {
  await Promise.all([byAccount.penalty(accountKey(username, address), 1), byAddress.penalty(address, 1)])
}

export async function recordLoginSuccess(username: string, address: string) {
  await byAccount.delete(accountKey(username, address))
}
