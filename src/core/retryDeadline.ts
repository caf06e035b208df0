import { readItem, removeItem, storageKey, writeItem } from './safeStorage'

/** Wait applied after a 429 that names no `Retry-After`. */
export const DEFAULT_RATE_LIMIT_SECONDS = 60

/**
 * Remembers until when a rate-limited adapter must not be asked again, in this tab's
 * sessionStorage, so a reload cannot be used to skip the wait.
 */
export const retryDeadline = {
  /** The stored deadline (epoch ms) if it is still in the future. */
  read(adapterId: string, now: number = Date.now()): number | undefined {
    const at = Number(readItem('session', storageKey(adapterId, 'retry-at')))
    return Number.isFinite(at) && at > now ? at : undefined
  },
  save(adapterId: string, at: number): void {
    writeItem('session', storageKey(adapterId, 'retry-at'), String(at))
  },
  clear(adapterId: string): void {
    removeItem('session', storageKey(adapterId, 'retry-at'))
  },
}
