import { isVerifierRecord, parseVerifierRecord } from './isVerifierRecord'
import { removeRecord, saveRecord } from './createMirroredVerifierStore'
import { readItem, removeItem, safeStorage, STORAGE_PREFIX, storageKey, verifierKeys, writeItem } from './safeStorage'
import type { VerifierRecord, VerifierStore } from './VerifierStore'

interface TabMessage {
  /**
   * `forget`: the sender is done with the record whose challenge is `id`; every tab drops its copy.
   * `update`: the sender saved that record anew (a resend counted, a dead link retired it); every
   * tab holding it takes the new copy, so whichever tab answers a link's ask tells the same.
   */
  type: 'ask' | 'answer' | 'forget' | 'update'
  id: string
  record?: VerifierRecord
}

// The stores for the default clock, made once per wait: one made inline in a render, render
// after render, must not open a channel for each.
const shared = new Map<number | undefined, VerifierStore>()

/**
 * The `'session'` verifier store: nothing touches localStorage. A tab that lacks the record (the
 * one an email link opened) asks the other live tabs of the origin over a BroadcastChannel, and
 * waits `askTimeoutMs` for an answer. A tab holding a record answers from the moment its store is
 * made, also after a reload, before its page uses the store again.
 */
export function createSessionVerifierStore(now?: () => number, askTimeoutMs?: number): VerifierStore {
  if (now) return sessionStore(now, askTimeoutMs)
  let store = shared.get(askTimeoutMs)
  if (!store) shared.set(askTimeoutMs, (store = sessionStore(undefined, askTimeoutMs)))
  return store
}

function sessionStore(now: () => number = Date.now, askTimeoutMs = 250): VerifierStore {
  function read(adapterId: string): VerifierRecord | undefined {
    const key = storageKey(adapterId, 'verifier')
    const record = parseVerifierRecord(readItem('session', key), adapterId, now())
    if (!record) removeItem('session', key)
    return record
  }

  let askCount = 0
  const channels = new Map<string, BroadcastChannel>()
  function channelFor(adapterId: string): BroadcastChannel | undefined {
    if (typeof BroadcastChannel === 'undefined') return undefined
    let channel = channels.get(adapterId)
    if (!channel) {
      const own = (channel = new BroadcastChannel(`reset-kit:${adapterId}`))
      own.addEventListener('message', (event: MessageEvent<TabMessage>) => {
        // Answers to other tabs' asks are none of this listener's business: no storage read for them.
        const message = event.data
        if (message?.type !== 'ask' && message?.type !== 'forget' && message?.type !== 'update') return
        const record = read(adapterId)
        if (!record) return
        const key = storageKey(adapterId, 'verifier')
        if (message.type === 'ask') own.postMessage({ type: 'answer', id: message.id, record } satisfies TabMessage)
        else if (message.id !== record.challenge) return
        // Once another tab has sent this verifier over the wire, this copy is spent: never reuse it (P6, T7).
        else if (message.type === 'forget') removeItem('session', key)
        else if (isVerifierRecord(message.record, adapterId, now()) && message.record.verifier === record.verifier) {
          writeItem('session', key, JSON.stringify(message.record))
        }
      })
      channels.set(adapterId, channel)
    }
    return channel
  }

  // A record kept across a reload answers the link tab's ask, though nothing on this page may
  // touch the store again until a submit.
  const session = safeStorage('session')
  for (const key of session ? verifierKeys(session) : [])
    channelFor(key.slice(STORAGE_PREFIX.length, -':verifier'.length))

  function askOtherTabs(adapterId: string): Promise<VerifierRecord | undefined> {
    const channel = channelFor(adapterId)
    if (!channel) return Promise.resolve(undefined)
    const id = `${now().toString(36)}-${(askCount += 1).toString(36)}`
    return new Promise((resolve) => {
      const onMessage = (event: MessageEvent<TabMessage>) => {
        if (event.data?.type !== 'answer' || event.data.id !== id) return
        const { record } = event.data
        if (isVerifierRecord(record, adapterId, now())) finish(record)
      }
      const timer = setTimeout(() => finish(undefined), askTimeoutMs)
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

  return {
    async load(adapterId) {
      channelFor(adapterId)
      return read(adapterId) ?? (await askOtherTabs(adapterId))
    },
    async save(record) {
      const replaced = read(record.adapterId)
      saveRecord(storageKey(record.adapterId, 'verifier'), record, false)
      const channel = channelFor(record.adapterId)
      // A fresh pair replaces the old one in every tab, so no tab answers a link with the old.
      if (replaced && replaced.challenge !== record.challenge) {
        channel?.postMessage({ type: 'forget', id: replaced.challenge } satisfies TabMessage)
      }
      channel?.postMessage({ type: 'update', id: record.challenge, record } satisfies TabMessage)
    },
    async remove(adapterId) {
      const record = read(adapterId)
      removeRecord(storageKey(adapterId, 'verifier'))
      if (record) channelFor(adapterId)?.postMessage({ type: 'forget', id: record.challenge } satisfies TabMessage)
    },
  }
}
