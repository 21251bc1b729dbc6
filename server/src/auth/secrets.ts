import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/** Argon2id with the library's defaults (OWASP's minimum); runs on libuv's thread pool, not the event loop. */
export const hashPassword = (password: string) => hash(password)

// Verifying against a real hash for unknown users keeps their answer as slow as a wrong password's.
const UNKNOWN_USER_HASH = hash('no such user: the answer must take as long as a wrong password')

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await UNKNOWN_USER_HASH, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}

/** A random, URL-safe secret with a recognisable prefix (e.g. `mh_key_…`). */
export function randomSecret(prefix: string) {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/** Session tokens and API keys are long random strings: a fast hash is enough to store them. */
export function sha256(value: string) {
  return createHash('sha256').update(value).digest('hex')
}
