import { readItem, removeItem, storageKey, writeItem } from './safeStorage'

/** Wait applied after a 429 that names no `Retry-After`. */
export const DEFAULT_RATE_LIMIT_SECONDS = 60

/** The stored deadline (epoch ms) if it is still in the future. */
export function readRetryDeadline(adapterId: string, now: number = Date.now()): number | undefined {
  const at = Number(readItem('session', storageKey(adapterId, 'retry-at')))
  return Number.isFinite(at) && at > now ? at : undefined
}

/** Stores the deadline (epoch ms). */
export function saveRetryDeadline(adapterId: string, at: number): void {
  writeItem('session', storageKey(adapterId, 'retry-at'), String(at))
}

/**
 * Remembers until when a rate-limited adapter must not be asked again, in this tab's
 * sessionStorage, so a reload cannot be used to skip the wait. `<ForgotPasswordForm>` keeps its
 * wait under the adapter's id, `<ResetPasswordPage>` under `${id}:reset`, so a 429 on one does
 * not hold the other. The kit's hooks call {@link readRetryDeadline} and
 * {@link saveRetryDeadline} directly, so a bundle that never clears a deadline leaves `clear` out.
 */
export const retryDeadline: {
  /** The stored deadline (epoch ms) if it is still in the future. */
  read(adapterId: string, now?: number): number | undefined
  save(adapterId: string, at: number): void
  clear(adapterId: string): void
} = {
  read: readRetryDeadline,
  save: saveRetryDeadline,
  // Both waits: what a host clears is the adapter's, whichever page it held.
  clear(adapterId) {
    removeItem('session', storageKey(adapterId, 'retry-at'))
    removeItem('session', storageKey(`${adapterId}:reset`, 'retry-at'))
  },
}
