import { parseVerifierRecord } from './isVerifierRecord'
import { ResetError } from './ResetError'
import { readItem, removeItem, storageKey, writeItem } from './safeStorage'
import type { VerifierRecord, VerifierStore } from './VerifierStore'

/**
 * The default verifier store (`'session+local'`): the record goes to sessionStorage of the tab
 * that asked and is mirrored to localStorage with its expiry, because the email link opens a new
 * tab whose sessionStorage is empty.
 */
export function createMirroredVerifierStore(now: () => number = Date.now): VerifierStore {
  function read(adapterId: string): VerifierRecord | undefined {
    const key = storageKey(adapterId, 'verifier')
    const session = parseVerifierRecord(readItem('session', key), adapterId, now())
    const local = parseVerifierRecord(readItem('local', key), adapterId, now())
    // The mirror is the flow's shared truth: when another tab finished it (and sent the verifier
    // over the wire) or replaced it, this tab's copy is spent and must never pair with a new link.
    // When it holds the same verifier, it also has what another tab's resend counted since.
    if (session && local?.verifier === session.verifier) return local
    removeItem('session', key)
    if (!local) {
      removeItem('local', key)
      return undefined
    }
    // Adopt the mirrored record into this tab so a reload keeps working.
    writeItem('session', key, JSON.stringify(local))
    return local
  }

  // Another tab that finishes (or abandons) the flow removes the mirror; this tab's copy is then
  // spent, so drop it at once rather than at the next read (T7).
  const watched = new Set<string>()
  return {
    load: async (adapterId) => read(adapterId),
    async save(record) {
      const { adapterId } = record
      const key = storageKey(adapterId, 'verifier')
      if (!watched.has(adapterId) && typeof window !== 'undefined') {
        watched.add(adapterId)
        window.addEventListener('storage', (event) => {
          if (event.key === key || event.key === null) read(adapterId)
        })
      }
      saveRecord(key, record, true)
    },
    remove: async (adapterId) => removeRecord(storageKey(adapterId, 'verifier')),
    // In localStorage: the link opened again comes in a new tab.
    spend: async (adapterId, tokenHash) => void writeItem('local', storageKey(adapterId, 'spent'), tokenHash),
    spent: async (adapterId) => readItem('local', storageKey(adapterId, 'spent')) ?? undefined,
  }
}

/**
 * Writes a record to sessionStorage and, when `mirror`, to localStorage; all or nothing, so a
 * half-saved record never pairs with a link. Throws `storage_unavailable` when a write fails.
 */
export function saveRecord(key: string, record: VerifierRecord, mirror: boolean): void {
  const text = JSON.stringify(record)
  if (!(writeItem('session', key, text) && (!mirror || writeItem('local', key, text)))) {
    removeRecord(key)
    throw new ResetError('storage_unavailable')
  }
}

/** Removes a record from both storage areas. */
export function removeRecord(key: string): void {
  removeItem('session', key)
  removeItem('local', key)
}
