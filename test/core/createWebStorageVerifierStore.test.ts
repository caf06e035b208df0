import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import { ResetError } from '../../src/core/ResetError'
import type { VerifierRecord } from '../../src/core/VerifierStore'

const NOW = 1_700_000_000_000
const KEY = 'reset-kit:app:verifier'
const RECORD: VerifierRecord = {
  v: 1,
  verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  createdAt: NOW - 1000,
  expiresAt: NOW + 30 * 60_000,
  adapterId: 'app',
}
const OTHER_RECORD: VerifierRecord = {
  ...RECORD,
  verifier: 'A'.repeat(43),
  challenge: 'DwBzhbb51LfusnSGBa_hqYSgo7-j8BTQnip4TOnlzRo',
  adapterId: 'other',
}

const sessionDescriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!
const localDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!

function blockGetter(name: 'sessionStorage' | 'localStorage') {
  Object.defineProperty(window, name, {
    get() {
      throw new DOMException('blocked', 'SecurityError')
    },
    configurable: true,
  })
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.useRealTimers()
  Object.defineProperty(window, 'sessionStorage', sessionDescriptor)
  Object.defineProperty(window, 'localStorage', localDescriptor)
  sessionStorage.clear()
  localStorage.clear()
})

describe('createWebStorageVerifierStore', () => {
  describe("'session+local' mode (default)", () => {
    it('saves the record to sessionStorage and mirrors it to localStorage under the namespaced key', async () => {
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await store.save(RECORD)
      expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual(RECORD)
      expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(RECORD)
      await expect(store.load('app')).resolves.toEqual(RECORD)
    })

    it('P11: a new tab (empty sessionStorage) finds the record in localStorage and adopts it into sessionStorage', async () => {
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await store.save(RECORD)
      sessionStorage.clear()
      const newTab = createWebStorageVerifierStore({ now: () => NOW })
      await expect(newTab.load('app')).resolves.toEqual(RECORD)
      expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual(RECORD)
      // A reload of that tab reads its own copy again.
      await expect(createWebStorageVerifierStore({ now: () => NOW }).load('app')).resolves.toEqual(RECORD)
    })

    it("P6, T7: once another tab finished the flow (mirror removed), this tab's own copy is spent: dropped, not reused", async () => {
      // The tab that asked keeps its sessionStorage copy; the link's tab succeeds and removes the
      // mirror and its own copy. That verifier has been sent over the wire: it must never pair
      // with a new link.
      const asking = createWebStorageVerifierStore({ now: () => NOW })
      await asking.save(RECORD)
      localStorage.removeItem(KEY)
      await expect(asking.load('app')).resolves.toBeUndefined()
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it('T7: the tab that asked drops its own copy as soon as another tab removes the mirror (storage event)', async () => {
      const asking = createWebStorageVerifierStore({ now: () => NOW })
      await asking.save(RECORD)
      // What the link's tab does on success, as this tab's `storage` event reports it.
      localStorage.removeItem(KEY)
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: KEY,
          oldValue: JSON.stringify(RECORD),
          newValue: null,
          storageArea: localStorage,
        }),
      )
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it('T7: the tab that asked drops its own copy as soon as another tab clears its whole localStorage (storage event without a key)', async () => {
      const asking = createWebStorageVerifierStore({ now: () => NOW })
      await asking.save(RECORD)
      // localStorage.clear() in another tab reports a `storage` event whose key is null.
      localStorage.clear()
      window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }))
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it('listens for storage events once per adapter id, however often it saves', async () => {
      const addEventListener = vi.spyOn(window, 'addEventListener')
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await store.save(RECORD)
      await store.save(RECORD)
      await store.save(OTHER_RECORD)
      const storageListeners = addEventListener.mock.calls.filter(([type]) => type === 'storage')
      expect(storageListeners).toHaveLength(2)
    })

    it('P6: a sessionStorage copy whose mirror was replaced by a newer flow gives way to the mirror', async () => {
      const staleRecord = { ...RECORD, verifier: 'B'.repeat(43) }
      sessionStorage.setItem(KEY, JSON.stringify(staleRecord))
      localStorage.setItem(KEY, JSON.stringify(RECORD))
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await expect(store.load('app')).resolves.toEqual(RECORD)
      expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual(RECORD)
    })

    it("P6: a sessionStorage copy older than the mirror's (another tab's resend counted since) gives the mirror's count", async () => {
      sessionStorage.setItem(KEY, JSON.stringify({ ...RECORD, sends: 1 }))
      localStorage.setItem(KEY, JSON.stringify({ ...RECORD, sends: 2 }))
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await expect(store.load('app')).resolves.toEqual({ ...RECORD, sends: 2 })
    })

    it('P9: replaces a corrupt sessionStorage record with the live localStorage one', async () => {
      sessionStorage.setItem(KEY, '{corrupt')
      localStorage.setItem(KEY, JSON.stringify(RECORD))
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await expect(store.load('app')).resolves.toEqual(RECORD)
      expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual(RECORD)
    })

    it.each([
      { label: 'corrupt JSON', text: '{"v":1,' },
      { label: 'truncated JSON', text: JSON.stringify(RECORD).slice(0, 50) },
      { label: 'a record of another adapterId', text: JSON.stringify({ ...RECORD, adapterId: 'other' }) },
      { label: 'a wrong version', text: JSON.stringify({ ...RECORD, v: 2 }) },
      { label: 'an expired record', text: JSON.stringify({ ...RECORD, expiresAt: NOW - 1 }) },
      { label: 'a record expiring right now', text: JSON.stringify({ ...RECORD, expiresAt: NOW }) },
      { label: 'a bad verifier shape', text: JSON.stringify({ ...RECORD, verifier: 'short' }) },
      {
        label: 'a verifier with forbidden characters',
        text: JSON.stringify({ ...RECORD, verifier: `${'a'.repeat(40)}<b>` }),
      },
      { label: 'a bad challenge shape', text: JSON.stringify({ ...RECORD, challenge: 'x' }) },
      { label: 'JSON null', text: 'null' },
    ])('P9: $label in sessionStorage loads as undefined, is removed, and nothing throws', async ({ text }) => {
      sessionStorage.setItem(KEY, text)
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await expect(store.load('app')).resolves.toBeUndefined()
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it.each([
      { label: 'corrupt JSON', text: '{"v":1,' },
      { label: 'truncated JSON', text: JSON.stringify(RECORD).slice(0, 50) },
      { label: 'a record of another adapterId', text: JSON.stringify({ ...RECORD, adapterId: 'other' }) },
      { label: 'a wrong version', text: JSON.stringify({ ...RECORD, v: 2 }) },
      { label: 'an expired record', text: JSON.stringify({ ...RECORD, expiresAt: NOW - 1 }) },
      { label: 'a record expiring right now', text: JSON.stringify({ ...RECORD, expiresAt: NOW }) },
      { label: 'a bad verifier shape', text: JSON.stringify({ ...RECORD, verifier: 'short' }) },
      {
        label: 'a verifier with forbidden characters',
        text: JSON.stringify({ ...RECORD, verifier: `${'a'.repeat(40)}<b>` }),
      },
      { label: 'a bad challenge shape', text: JSON.stringify({ ...RECORD, challenge: 'x' }) },
      { label: 'JSON null', text: 'null' },
    ])(
      'P9: $label in localStorage loads as undefined, is removed, is not adopted, and nothing throws',
      async ({ text }) => {
        localStorage.setItem(KEY, text)
        const store = createWebStorageVerifierStore({ now: () => NOW })
        await expect(store.load('app')).resolves.toBeUndefined()
        expect(localStorage.getItem(KEY)).toBeNull()
        expect(sessionStorage.getItem(KEY)).toBeNull()
      },
    )

    it('P9: a record stops loading once its expiry passes, by the injected clock', async () => {
      let now = NOW
      const store = createWebStorageVerifierStore({ now: () => now })
      await store.save(RECORD)
      now = RECORD.expiresAt - 1
      await expect(store.load('app')).resolves.toEqual(RECORD)
      now = RECORD.expiresAt
      await expect(store.load('app')).resolves.toBeUndefined()
      expect(sessionStorage.getItem(KEY)).toBeNull()
      expect(localStorage.getItem(KEY)).toBeNull()
    })

    it("a record made just now still loads after the device's clock is set back (a fast clock corrected)", async () => {
      let now = NOW
      const store = createWebStorageVerifierStore({ now: () => now })
      await store.save({ ...RECORD, createdAt: NOW })
      now = NOW - 30_000
      await expect(store.load('app')).resolves.toMatchObject({ verifier: RECORD.verifier })
      expect(localStorage.getItem(KEY)).not.toBeNull()
    })

    it('uses Date.now() when no clock is injected', async () => {
      vi.useFakeTimers({ now: NOW })
      const store = createWebStorageVerifierStore()
      await store.save(RECORD)
      await expect(store.load('app')).resolves.toEqual(RECORD)
      vi.setSystemTime(RECORD.expiresAt)
      await expect(store.load('app')).resolves.toBeUndefined()
    })

    it('loads undefined when nothing is stored', async () => {
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await expect(store.load('app')).resolves.toBeUndefined()
    })

    it('S2: records of two adapter ids do not collide', async () => {
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await store.save(RECORD)
      await store.save(OTHER_RECORD)
      expect(sessionStorage.getItem('reset-kit:app:verifier')).not.toBeNull()
      expect(sessionStorage.getItem('reset-kit:other:verifier')).not.toBeNull()
      await expect(store.load('app')).resolves.toEqual(RECORD)
      await expect(store.load('other')).resolves.toEqual(OTHER_RECORD)
      await store.remove('app')
      await expect(store.load('app')).resolves.toBeUndefined()
      await expect(store.load('other')).resolves.toEqual(OTHER_RECORD)
    })

    it('remove deletes the record from both areas and leaves unrelated keys', async () => {
      localStorage.setItem('unrelated', 'x')
      sessionStorage.setItem('reset-kit:app:token', 'tok')
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await store.save(RECORD)
      await store.remove('app')
      expect(sessionStorage.getItem(KEY)).toBeNull()
      expect(localStorage.getItem(KEY)).toBeNull()
      expect(localStorage.getItem('unrelated')).toBe('x')
      expect(sessionStorage.getItem('reset-kit:app:token')).toBe('tok')
    })

    it('opens no BroadcastChannel', async () => {
      const constructed = vi.fn()
      vi.stubGlobal(
        'BroadcastChannel',
        class extends BroadcastChannel {
          constructor(name: string) {
            super(name)
            constructed(name)
            this.close()
          }
        },
      )
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await store.save(RECORD)
      sessionStorage.clear()
      localStorage.clear()
      await store.load('app')
      expect(constructed).not.toHaveBeenCalled()
    })
  })

  describe('S1: storage faults', () => {
    it.each([
      {
        label: 'the sessionStorage getter throws',
        arrange: () => blockGetter('sessionStorage'),
      },
      {
        label: 'the localStorage getter throws',
        arrange: () => blockGetter('localStorage'),
      },
      {
        label: 'setItem throws QuotaExceededError',
        arrange: () =>
          vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
          }),
      },
      {
        label: 'only localStorage.setItem throws QuotaExceededError',
        arrange: () => {
          const setItem = Storage.prototype.setItem
          vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
            this: Storage,
            key: string,
            value: string,
          ) {
            if (this === localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
            setItem.call(this, key, value)
          })
        },
      },
      {
        label: 'setItem silently does not stick',
        arrange: () => vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {}),
      },
    ])('save rejects storage_unavailable and leaves no half-saved record when $label', async ({ arrange }) => {
      arrange()
      const store = createWebStorageVerifierStore({ now: () => NOW })
      const error = await store.save(RECORD).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ResetError)
      expect(error).toMatchObject({ code: 'storage_unavailable' })
      vi.restoreAllMocks()
      Object.defineProperty(window, 'sessionStorage', sessionDescriptor)
      Object.defineProperty(window, 'localStorage', localDescriptor)
      expect(sessionStorage.getItem(KEY)).toBeNull()
      expect(localStorage.getItem(KEY)).toBeNull()
    })

    it('save rejects storage_unavailable without a window (server)', async () => {
      vi.stubGlobal('window', undefined)
      const store = createWebStorageVerifierStore({ now: () => NOW })
      const error = await store.save(RECORD).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ResetError)
      expect(error).toMatchObject({ code: 'storage_unavailable' })
    })

    it('load resolves undefined and remove resolves when both getters throw', async () => {
      blockGetter('sessionStorage')
      blockGetter('localStorage')
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await expect(store.load('app')).resolves.toBeUndefined()
      await expect(store.remove('app')).resolves.toBeUndefined()
    })

    it('load resolves undefined when getItem throws', async () => {
      localStorage.setItem(KEY, JSON.stringify(RECORD))
      vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
        throw new DOMException('blocked', 'SecurityError')
      })
      const store = createWebStorageVerifierStore({ now: () => NOW })
      await expect(store.load('app')).resolves.toBeUndefined()
    })

    it("in 'session' mode a blocked sessionStorage: the store is still made, load finds nothing, save rejects storage_unavailable", async () => {
      blockGetter('sessionStorage')
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 5 })
      await expect(store.load('app')).resolves.toBeUndefined()
      await expect(store.save(RECORD)).rejects.toMatchObject({ code: 'storage_unavailable' })
    })

    it("in 'session' mode a blocked localStorage does not matter", async () => {
      blockGetter('localStorage')
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await expect(store.save(RECORD)).resolves.toBeUndefined()
      await expect(store.load('app')).resolves.toEqual(RECORD)
    })
  })

  describe("'session' mode", () => {
    it('writes nothing to localStorage and loads from this tab', async () => {
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await store.save(RECORD)
      expect(localStorage.length).toBe(0)
      expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual(RECORD)
      await expect(store.load('app')).resolves.toEqual(RECORD)
    })

    it.each([
      { label: 'corrupt JSON', text: '{"v":1,' },
      { label: 'an expired record', text: JSON.stringify({ ...RECORD, expiresAt: NOW - 1 }) },
    ])('P9: $label in sessionStorage loads as undefined and is removed', async ({ text }) => {
      sessionStorage.setItem(KEY, text)
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 5 })
      await expect(store.load('app')).resolves.toBeUndefined()
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it('works without BroadcastChannel: saves and loads in this tab, and finds nothing elsewhere', async () => {
      vi.stubGlobal('BroadcastChannel', undefined)
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 60_000 })
      await expect(store.load('app')).resolves.toBeUndefined()
      await store.save(RECORD)
      await expect(store.load('app')).resolves.toEqual(RECORD)
      await expect(store.remove('app')).resolves.toBeUndefined()
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it("T7: remove deletes this tab's record, and resolves when there is none", async () => {
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 5 })
      await store.save(RECORD)
      await store.remove('app')
      expect(sessionStorage.getItem(KEY)).toBeNull()
      await expect(store.load('app')).resolves.toBeUndefined()
      await expect(store.remove('app')).resolves.toBeUndefined()
    })

    it('ignores a localStorage mirror left by the other mode', async () => {
      localStorage.setItem(KEY, JSON.stringify(RECORD))
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 5 })
      await expect(store.load('app')).resolves.toBeUndefined()
    })
  })

  // Tabs share one jsdom window, so each simulated tab gets its own sessionStorage. The messages
  // travel over the real (Node) BroadcastChannel; the subclass only records which tab opened a
  // channel and makes that tab's sessionStorage current while the channel's listeners run.
  describe("'session' mode across tabs (real BroadcastChannel)", () => {
    /** Just enough of the Storage interface for the store. */
    class MemoryStorage {
      readonly #items = new Map<string, string>()
      get length() {
        return this.#items.size
      }
      key(index: number) {
        return [...this.#items.keys()][index] ?? null
      }
      getItem(key: string) {
        return this.#items.get(key) ?? null
      }
      setItem(key: string, value: string) {
        this.#items.set(key, String(value))
      }
      removeItem(key: string) {
        this.#items.delete(key)
      }
      clear() {
        this.#items.clear()
      }
    }

    const RealBroadcastChannel = BroadcastChannel
    let activeTab = new MemoryStorage()
    let opened: TabChannel[] = []
    // Node's BroadcastChannel reaches every worker thread of the process: another test file's
    // store on 'reset-kit:app', run beside this one, would answer these tabs' asks.
    const RUN = crypto.randomUUID()

    class TabChannel extends RealBroadcastChannel {
      readonly tab = activeTab
      readonly #wrapped = new Map<unknown, EventListener>()
      /** The name the store asked for, before this file's prefix. */
      readonly asked: string
      constructor(name: string) {
        super(`${RUN}:${name}`)
        this.asked = name
        opened.push(this)
      }
      override addEventListener(
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions,
      ): void {
        const wrapped = (event: Event) => {
          const previous = activeTab
          activeTab = this.tab
          try {
            if (typeof listener === 'function') listener.call(this, event)
            else listener.handleEvent(event)
          } finally {
            activeTab = previous
          }
        }
        this.#wrapped.set(listener, wrapped)
        super.addEventListener(type, wrapped, options)
      }
      override removeEventListener(
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | EventListenerOptions,
      ): void {
        super.removeEventListener(type, this.#wrapped.get(listener) ?? listener, options)
      }
    }

    beforeEach(() => {
      opened = []
      Object.defineProperty(window, 'sessionStorage', { get: () => activeTab, configurable: true })
      vi.stubGlobal('BroadcastChannel', TabChannel)
    })

    afterEach(() => {
      for (const channel of opened) channel.close()
    })

    it('a tab without the record asks the other tab and gets its record, then keeps it for a reload', async () => {
      const tabA = new MemoryStorage()
      const tabB = new MemoryStorage()
      activeTab = tabA
      const storeA = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await storeA.save(RECORD)
      const observer = new BroadcastChannel('reset-kit:app')
      const heard: { type: string }[] = []
      observer.addEventListener('message', (event) => heard.push((event as MessageEvent).data as { type: string }))
      activeTab = tabB
      const storeB = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 2000 })
      expect(tabB.getItem(KEY)).toBeNull()

      const started = performance.now()
      await expect(storeB.load('app')).resolves.toEqual(RECORD)
      expect(performance.now() - started).toBeLessThan(1500)
      await vi.waitFor(() => expect(heard.map((message) => message.type)).toEqual(['ask', 'answer']))

      expect(JSON.parse(tabB.getItem(KEY)!)).toEqual(RECORD)
      expect(JSON.parse(tabA.getItem(KEY)!)).toEqual(RECORD)
      expect(localStorage.length).toBe(0)
      expect(opened.map((channel) => channel.asked)).toEqual(['reset-kit:app', 'reset-kit:app', 'reset-kit:app'])
    })

    it('asks with a message of the documented shape and accepts a matching answer', async () => {
      activeTab = new MemoryStorage()
      const peer = new BroadcastChannel('reset-kit:app')
      const asks: unknown[] = []
      peer.addEventListener('message', (event) => {
        const data = (event as MessageEvent).data as { type: string; id: string }
        asks.push(data)
        peer.postMessage({ type: 'answer', id: data.id, record: RECORD })
      })
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 2000 })
      await expect(store.load('app')).resolves.toEqual(RECORD)
      expect(asks).toEqual([{ type: 'ask', id: expect.any(String) }])
    })

    it.each([
      {
        label: 'an answer to another ask',
        answer: (id: string) => ({ type: 'answer', id: `${id}-other`, record: RECORD }),
      },
      {
        label: 'a record of another adapter',
        answer: (id: string) => ({ type: 'answer', id, record: { ...RECORD, adapterId: 'other' } }),
      },
      {
        label: 'an expired record',
        answer: (id: string) => ({ type: 'answer', id, record: { ...RECORD, expiresAt: NOW - 1 } }),
      },
      {
        label: 'a malformed verifier',
        answer: (id: string) => ({ type: 'answer', id, record: { ...RECORD, verifier: 'x' } }),
      },
      { label: 'an answer without a record', answer: (id: string) => ({ type: 'answer', id }) },
    ])('P9: ignores $label and times out to undefined', async ({ answer }) => {
      const tab = new MemoryStorage()
      activeTab = tab
      const peer = new BroadcastChannel('reset-kit:app')
      const answered = vi.fn()
      peer.addEventListener('message', (event) => {
        const data = (event as MessageEvent).data as { type: string; id: string }
        if (data.type !== 'ask') return
        peer.postMessage(answer(data.id))
        answered()
      })
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 100 })
      await expect(store.load('app')).resolves.toBeUndefined()
      expect(answered).toHaveBeenCalledTimes(1)
      expect(tab.getItem(KEY)).toBeNull()
    })

    it('P9: keeps waiting past an unusable answer and takes a usable one that comes after it', async () => {
      activeTab = new MemoryStorage()
      const peer = new BroadcastChannel('reset-kit:app')
      peer.addEventListener('message', (event) => {
        const data = (event as MessageEvent).data as { type: string; id: string }
        if (data.type !== 'ask') return
        peer.postMessage({ type: 'answer', id: data.id, record: { ...RECORD, expiresAt: NOW - 1 } })
        peer.postMessage({ type: 'answer', id: data.id, record: RECORD })
      })
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 2000 })
      await expect(store.load('app')).resolves.toEqual(RECORD)
    })

    it('P11: a tab reloaded after asking still answers, before its page touches the store again', async () => {
      const tabA = new MemoryStorage()
      activeTab = tabA
      await createWebStorageVerifierStore({ mode: 'session', now: () => NOW }).save(RECORD)
      // The reload: the page's scripts run again and make a new store, but nothing calls it until a submit.
      for (const channel of opened.splice(0)) channel.close()
      createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      activeTab = new MemoryStorage()
      const linkTab = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 2000 })

      await expect(linkTab.load('app')).resolves.toEqual(RECORD)
    })

    it('made with the default options render after render (inline in JSX), is one store with one channel', async () => {
      activeTab = new MemoryStorage()
      await createWebStorageVerifierStore({ mode: 'session', now: () => NOW }).save(RECORD)
      const before = opened.length

      const stores = [1, 2, 3].map(() => createWebStorageVerifierStore({ mode: 'session' }))

      expect(new Set(stores).size).toBe(1)
      expect(opened.slice(before).map((channel) => channel.asked)).toEqual(['reset-kit:app'])
    })

    it('made inline with the same askTabsTimeoutMs render after render, is one store with one channel', async () => {
      activeTab = new MemoryStorage()
      await createWebStorageVerifierStore({ mode: 'session', now: () => NOW }).save(RECORD)
      const before = opened.length

      const stores = [1, 2, 3].map(() => createWebStorageVerifierStore({ mode: 'session', askTabsTimeoutMs: 900 }))
      const other = createWebStorageVerifierStore({ mode: 'session', askTabsTimeoutMs: 901 })

      expect(new Set(stores).size).toBe(1)
      expect(other).not.toBe(stores[0])
      expect(opened.slice(before).map((channel) => channel.asked)).toEqual(['reset-kit:app', 'reset-kit:app'])
    })

    it('P6, T7: once the link tab is done with the verifier it got from this tab, this tab drops its copy too', async () => {
      const tabA = new MemoryStorage()
      activeTab = tabA
      const storeA = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await storeA.save(RECORD)
      const observer = new BroadcastChannel('reset-kit:app')
      const heard: unknown[] = []
      observer.addEventListener('message', (event) => heard.push((event as MessageEvent).data))
      activeTab = new MemoryStorage()
      const storeB = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 2000 })
      await expect(storeB.load('app')).resolves.toEqual(RECORD)
      await storeB.remove('app')
      await vi.waitFor(() => expect(tabA.getItem(KEY)).toBeNull())
      activeTab = tabA
      await expect(storeA.load('app')).resolves.toBeUndefined()
      // The message names the record by its challenge; the verifier itself is not broadcast again.
      await vi.waitFor(() => expect(heard).toContainEqual({ type: 'forget', id: RECORD.challenge }))
    })

    it('P6: a resend saved in another tab updates every tab holding the record, so any of them answers a link with its count', async () => {
      const tabA = new MemoryStorage()
      activeTab = tabA
      const storeA = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await storeA.save({ ...RECORD, sends: 1 })
      activeTab = new MemoryStorage()
      const storeB = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 2000 })
      const got = await storeB.load('app')
      await storeB.save({ ...got!, sends: 2, expiresAt: NOW + 60 * 60_000 })
      await vi.waitFor(() =>
        expect(JSON.parse(tabA.getItem(KEY)!)).toMatchObject({ sends: 2, expiresAt: NOW + 60 * 60_000 }),
      )
    })

    it('a fresh pair saved in one tab makes every other tab drop the pair it replaced, so a link tab gets one answer', async () => {
      const tabA = new MemoryStorage()
      activeTab = tabA
      const storeA = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await storeA.save(RECORD)
      const tabB = new MemoryStorage()
      activeTab = tabB
      const storeB = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 2000 })
      await storeB.load('app')
      const fresh = { ...RECORD, verifier: OTHER_RECORD.verifier, challenge: OTHER_RECORD.challenge }
      await storeB.save(fresh)
      await vi.waitFor(() => expect(tabA.getItem(KEY)).toBeNull())
      expect(JSON.parse(tabB.getItem(KEY)!)).toEqual(fresh)
    })

    it("an update for another record, or one carrying another verifier, leaves this tab's record alone", async () => {
      const tabA = new MemoryStorage()
      activeTab = tabA
      const storeA = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await storeA.save(RECORD)
      const peer = new BroadcastChannel('reset-kit:app')
      peer.postMessage({ type: 'update', id: 'some-other-challenge', record: { ...OTHER_RECORD, sends: 5 } })
      peer.postMessage({
        type: 'update',
        id: RECORD.challenge,
        record: { ...RECORD, verifier: 'B'.repeat(43), sends: 5 },
      })
      peer.postMessage({ type: 'ask', id: 'after' })
      await new Promise((resolve) => peer.addEventListener('message', resolve, { once: true }))
      expect(JSON.parse(tabA.getItem(KEY)!)).toEqual(RECORD)
    })

    it("a forget for another record leaves this tab's record alone", async () => {
      const tabA = new MemoryStorage()
      activeTab = tabA
      const storeA = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      await storeA.save(RECORD)
      const peer = new BroadcastChannel('reset-kit:app')
      peer.postMessage({ type: 'forget', id: 'some-other-challenge' })
      peer.postMessage({ type: 'ask', id: 'after' })
      const answered = new Promise((resolve) => peer.addEventListener('message', resolve, { once: true }))
      await answered
      expect(JSON.parse(tabA.getItem(KEY)!)).toEqual(RECORD)
    })

    it('another tab with no record stays silent and the ask times out to undefined', async () => {
      activeTab = new MemoryStorage()
      const storeA = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 10 })
      await expect(storeA.load('app')).resolves.toBeUndefined()
      const observer = new BroadcastChannel('reset-kit:app')
      const heard: { type: string }[] = []
      observer.addEventListener('message', (event) => heard.push((event as MessageEvent).data as { type: string }))
      activeTab = new MemoryStorage()
      const storeB = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 100 })
      await expect(storeB.load('app')).resolves.toBeUndefined()
      expect(heard.map((message) => message.type)).toEqual(['ask'])
    })

    it('times out to undefined after askTabsTimeoutMs when no tab answers (fake timers)', async () => {
      vi.useFakeTimers()
      activeTab = new MemoryStorage()
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 300 })
      let result: unknown = 'pending'
      void store.load('app').then((value) => {
        result = value
      })
      await vi.advanceTimersByTimeAsync(299)
      expect(result).toBe('pending')
      await vi.advanceTimersByTimeAsync(1)
      expect(result).toBeUndefined()
    })

    it('honours askTabsTimeoutMs given without a clock (fake timers)', async () => {
      vi.useFakeTimers()
      activeTab = new MemoryStorage()
      const store = createWebStorageVerifierStore({ mode: 'session', askTabsTimeoutMs: 300 })
      let result: unknown = 'pending'
      void store.load('app').then((value) => {
        result = value
      })
      await vi.advanceTimersByTimeAsync(299)
      expect(result).toBe('pending')
      await vi.advanceTimersByTimeAsync(1)
      expect(result).toBeUndefined()
    })

    it('waits 250 ms by default', async () => {
      vi.useFakeTimers()
      activeTab = new MemoryStorage()
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW })
      let result: unknown = 'pending'
      void store.load('app').then((value) => {
        result = value
      })
      await vi.advanceTimersByTimeAsync(249)
      expect(result).toBe('pending')
      await vi.advanceTimersByTimeAsync(1)
      expect(result).toBeUndefined()
    })

    it('a tab that has the record answers without asking anyone', async () => {
      activeTab = new MemoryStorage()
      const store = createWebStorageVerifierStore({ mode: 'session', now: () => NOW, askTabsTimeoutMs: 60_000 })
      await store.save(RECORD)
      const peer = new BroadcastChannel('reset-kit:app')
      const heard = vi.fn()
      peer.addEventListener('message', heard)
      await expect(store.load('app')).resolves.toEqual(RECORD)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(heard).not.toHaveBeenCalled()
    })
  })
})
