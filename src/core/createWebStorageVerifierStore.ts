import { parseVerifierRecord } from './isVerifierRecord'
import { ResetError } from './ResetError'
import { readItem, removeItem, storageKey, writeItem } from './safeStorage'
import type { VerifierRecord, VerifierStore } from './VerifierStore'

/** How verifiers are kept; see {@link createWebStorageVerifierStore}. */
export type VerifierStorageMode = 'session+local' | 'session'

/** Options for {@link createWebStorageVerifierStore}. */
export interface WebStorageVerifierStoreOptions {
  /** @default 'session+local' */
  mode?: VerifierStorageMode
  /** How long a tab in `'session'` mode waits for another tab to answer. @default 250 */
  askTabsTimeoutMs?: number
  now?: () => number
}

interface TabMessage {
  type: 'ask' | 'answer'
  id: string
  record?: VerifierRecord
}

/**
 * The default verifier store. The record goes to sessionStorage of the tab that asked and, in
 * `'session+local'` mode, is mirrored to localStorage with its expiry, because the email link
 * opens a new tab whose sessionStorage is empty. In `'session'` mode nothing touches
 * localStorage; a tab that lacks the record asks the other live tabs of the origin over a
 * BroadcastChannel instead.
 */
export function createWebStorageVerifierStore(options: WebStorageVerifierStoreOptions = {}): VerifierStore {
  const mode = options.mode ?? 'session+local'
  const now = options.now ?? Date.now
  const askTimeout = options.askTabsTimeoutMs ?? 250

  function readLocal(adapterId: string): VerifierRecord | undefined {
    const key = storageKey(adapterId, 'verifier')
    const session = parseVerifierRecord(readItem('session', key), adapterId, now())
    if (mode === 'session') {
      if (!session) removeItem('session', key)
      return session
    }
    const local = parseVerifierRecord(readItem('local', key), adapterId, now())
    // The mirror is the flow's shared truth: when another tab finished it (and sent the verifier
    // over the wire) or replaced it, this tab's copy is spent and must never pair with a new link.
    if (session && local?.verifier === session.verifier) return session
    removeItem('session', key)
    if (!local) {
      removeItem('local', key)
      return undefined
    }
    // Adopt the mirrored record into this tab so a reload keeps working.
    writeItem('session', key, JSON.stringify(local))
    return local
  }

  let askCount = 0
  const channels = new Map<string, BroadcastChannel>()
  function channelFor(adapterId: string): BroadcastChannel | undefined {
    if (mode !== 'session' || typeof BroadcastChannel === 'undefined') return undefined
    let channel = channels.get(adapterId)
    if (!channel) {
      channel = new BroadcastChannel(`reset-kit:${adapterId}`)
      const own = channel
      own.addEventListener('message', (event: MessageEvent<TabMessage>) => {
        if (event.data?.type !== 'ask') return
        const record = readLocal(adapterId)
        if (record) own.postMessage({ type: 'answer', id: event.data.id, record } satisfies TabMessage)
      })
      channels.set(adapterId, channel)
    }
    return channel
  }

  function askOtherTabs(adapterId: string): Promise<VerifierRecord | undefined> {
    const channel = channelFor(adapterId)
    if (!channel) return Promise.resolve(undefined)
    const id = `${now().toString(36)}-${(askCount += 1).toString(36)}`
    return new Promise((resolve) => {
      const onMessage = (event: MessageEvent<TabMessage>) => {
        if (event.data?.type !== 'answer' || event.data.id !== id) return
        const record = parseVerifierRecord(JSON.stringify(event.data.record), adapterId, now())
        if (!record) return
        finish(record)
      }
      const timer = setTimeout(() => finish(undefined), askTimeout)
      function finish(record: VerifierRecord | undefined) {
        clearTimeout(timer)
        channel?.removeEventListener('message', onMessage)
        if (record) writeItem('session', storageKey(adapterId, 'verifier'), JSON.stringify(record))
        resolve(record)
      }
      channel.addEventListener('message', onMessage)
      channel.postMessage({ type: 'ask', id } satisfies TabMessage)
    })
  }

  // Another tab that finishes (or abandons) the flow removes the mirror; this tab's copy is then
  // spent, so drop it at once rather than at the next read (T7).
  const watched = new Set<string>()
  function watchMirror(adapterId: string): void {
    if (mode === 'session' || watched.has(adapterId) || typeof window === 'undefined') return
    watched.add(adapterId)
    const key = storageKey(adapterId, 'verifier')
    window.addEventListener('storage', (event) => {
      if (event.key === key || event.key === null) readLocal(adapterId)
    })
  }

  return {
    async load(adapterId) {
      channelFor(adapterId)
      return readLocal(adapterId) ?? (await askOtherTabs(adapterId))
    },
    async save(record) {
      channelFor(record.adapterId)
      watchMirror(record.adapterId)
      const key = storageKey(record.adapterId, 'verifier')
      const text = JSON.stringify(record)
      const saved = writeItem('session', key, text) && (mode === 'session' || writeItem('local', key, text))
      if (!saved) {
        removeItem('session', key)
        removeItem('local', key)
        throw new ResetError('storage_unavailable')
      }
    },
    async remove(adapterId) {
      const key = storageKey(adapterId, 'verifier')
      removeItem('session', key)
      removeItem('local', key)
    },
  }
}
