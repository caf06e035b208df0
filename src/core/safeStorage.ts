/** Which Web Storage area to reach. */
export type StorageArea = 'session' | 'local'

/**
 * Returns the storage area, or `undefined` where it does not exist (server) or throws on access
 * (blocked site data makes even the `sessionStorage` getter throw a SecurityError).
 */
export function safeStorage(area: StorageArea): Storage | undefined {
  try {
    if (typeof window === 'undefined') return undefined
    return window[`${area}Storage`]
  } catch {
    return undefined
  }
}

/** Reads a key, treating any failure as absence. */
export function readItem(area: StorageArea, key: string): string | null {
  try {
    return safeStorage(area)?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** Removes a key, ignoring failures: removal is always best effort. */
export function removeItem(area: StorageArea, key: string): void {
  try {
    safeStorage(area)?.removeItem(key)
  } catch {
    // Nothing to do: an unreachable store holds nothing we could leak.
  }
}

/** Writes a key and reads it back; false when the write did not stick (quota, blocked, absent). */
export function writeItem(area: StorageArea, key: string, value: string): boolean {
  try {
    const storage = safeStorage(area)
    if (!storage) return false
    storage.setItem(key, value)
    return storage.getItem(key) === value
  } catch {
    return false
  }
}

/** Prefix of every key the kit writes. */
export const STORAGE_PREFIX = 'reset-kit:'

/** The keys of the kit's verifier records in `storage` (`reset-kit:<adapter id>:verifier`). */
export function verifierKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter(
    (key) => key.startsWith(STORAGE_PREFIX) && key.endsWith(':verifier'),
  )
}

/**
 * The namespaced key of one kind of record for one adapter. `link` names a link's verdict, which
 * readCallbackToken keeps on the history entry rather than in storage.
 */
export function storageKey(adapterId: string, kind: 'verifier' | 'token' | 'retry-at' | 'link' | 'spent'): string {
  return `${STORAGE_PREFIX}${adapterId}:${kind}`
}
