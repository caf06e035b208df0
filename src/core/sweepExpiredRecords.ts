import { safeStorage, type StorageArea, verifierKeys } from './safeStorage'

/**
 * Removes the kit's verifier records that are expired or unreadable, in both storage areas, so
 * abandoned attempts do not linger. Safe on the server and with blocked storage.
 * Returns how many records were removed.
 */
export function sweepExpiredRecords(now: number = Date.now()): number {
  let removed = 0
  for (const area of ['session', 'local'] satisfies StorageArea[]) {
    try {
      const storage = safeStorage(area)
      if (!storage) continue
      for (const key of verifierKeys(storage)) {
        if (!isLive(storage.getItem(key), now)) {
          storage.removeItem(key)
          removed += 1
        }
      }
    } catch {
      // Blocked storage holds nothing to sweep.
    }
  }
  return removed
}

function isLive(text: string | null, now: number): boolean {
  try {
    // A missing record (null) parses as null, whose expiresAt throws: not live.
    const value = JSON.parse(text!) as { expiresAt?: unknown }
    return typeof value.expiresAt === 'number' && value.expiresAt > now
  } catch {
    return false
  }
}
