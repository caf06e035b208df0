import { completeResetFlow, TERMINAL_CODES } from '../../src/core/completeResetFlow'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import { computeChallenge, createPkcePair } from '../../src/core/pkce'
import { readCallbackToken } from '../../src/core/readCallbackToken'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError, type ResetErrorCode } from '../../src/core/ResetError'
import { startResetFlow } from '../../src/core/startResetFlow'
import type { VerifierRecord, VerifierStore } from '../../src/core/VerifierStore'

const KEY = 'reset-kit:app:verifier'
const TOKEN_KEY = 'reset-kit:app:token'

function makeAdapter(overrides: { id?: string; pkce?: boolean } = {}) {
  return {
    id: 'app',
    pkce: true,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
    ...overrides,
  } satisfies ResetAdapter
}

async function saveRecord(): Promise<VerifierRecord> {
  const pair = await createPkcePair()
  const record: VerifierRecord = {
    v: 1,
    ...pair,
    createdAt: Date.now(),
    expiresAt: Date.now() + 60 * 60_000,
    adapterId: 'app',
  }
  await createWebStorageVerifierStore().save(record)
  return record
}

/** A custom store that keeps nothing, with `methods` in place of its own. */
function customStore(methods: Partial<VerifierStore>): VerifierStore {
  return { load: async () => undefined, save: async () => {}, remove: async () => {}, ...methods }
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

describe('completeResetFlow', () => {
  it('treats exactly the link-and-verifier failures as terminal', () => {
    expect([...TERMINAL_CODES].sort()).toEqual([
      'token_expired',
      'token_invalid',
      'token_used',
      'verifier_mismatch',
      'verifier_missing',
    ])
  })

  it('P5: sends exactly the stored verifier, the token and the password as typed', async () => {
    const record = await saveRecord()
    const adapter = makeAdapter()
    const controller = new AbortController()
    await completeResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      token: 'tok-123',
      password: '  pass word 😀 ',
      signal: controller.signal,
    })
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
    expect(adapter.completeReset).toHaveBeenCalledWith({
      token: 'tok-123',
      password: '  pass word 😀 ',
      codeVerifier: record.verifier,
      signal: controller.signal,
    })
  })

  it('P5: the verifier sent at completion matches the challenge sent at start (new tab in between)', async () => {
    const adapter = makeAdapter()
    await startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: 'https://app.example.com/reset',
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    })
    sessionStorage.clear()
    await completeResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      token: 'tok',
      password: 'correct horse',
      signal: new AbortController().signal,
    })
    const { codeVerifier } = adapter.completeReset.mock.calls[0]![0]
    expect(codeVerifier).toMatch(/^[A-Za-z0-9._~-]{43}$/)
    await expect(computeChallenge(codeVerifier!)).resolves.toBe(adapter.startReset.mock.calls[0]![0].codeChallenge)
  })

  it("T7: after success the record is deleted from both areas and the tab's token forgotten", async () => {
    await saveRecord()
    sessionStorage.setItem(TOKEN_KEY, 'tok')
    const store = createWebStorageVerifierStore()
    await completeResetFlow({
      adapter: makeAdapter(),
      store,
      token: 'tok',
      password: 'correct horse',
      signal: new AbortController().signal,
    })
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    await expect(store.load('app')).resolves.toBeUndefined()
  })

  it('T7: after success the page shown again (reload, Back) reads the link as done, not missing', async () => {
    window.history.replaceState(null, '', '/reset?token=tok')
    const adapter = makeAdapter()
    expect(readCallbackToken(adapter)).toEqual({ status: 'found', token: 'tok' })
    await saveRecord()
    await completeResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      token: 'tok',
      password: 'correct horse',
      signal: new AbortController().signal,
    })
    expect(readCallbackToken(adapter)).toEqual({ status: 'done' })
    // A retryable failure leaves no verdict: the same entry still holds a usable link.
    window.history.pushState(null, '', '/reset?token=tok2')
    expect(readCallbackToken(adapter)).toEqual({ status: 'found', token: 'tok2' })
    await saveRecord()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('network'))
    await expect(
      completeResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        token: 'tok2',
        password: 'correct horse',
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'network' })
    expect(readCallbackToken(adapter)).toEqual({ status: 'found', token: 'tok2' })
  })

  it.each<ResetErrorCode>(['network', 'server', 'rate_limited', 'password_weak', 'password_breached', 'timeout'])(
    'P5: keeps the verifier and the token after %s',
    async (code) => {
      const record = await saveRecord()
      sessionStorage.setItem(TOKEN_KEY, 'tok')
      const adapter = makeAdapter()
      const thrown = new ResetError(code)
      adapter.completeReset.mockRejectedValueOnce(thrown)
      const store = createWebStorageVerifierStore()
      await expect(
        completeResetFlow({
          adapter,
          store,
          token: 'tok',
          password: 'correct horse',
          signal: new AbortController().signal,
        }),
      ).rejects.toBe(thrown)
      await expect(store.load('app')).resolves.toEqual(record)
      expect(localStorage.getItem(KEY)).not.toBeNull()
      expect(sessionStorage.getItem(TOKEN_KEY)).toBe('tok')
    },
  )

  it('resolves after success even when a custom store fails to delete the spent record', async () => {
    const record = await saveRecord()
    const adapter = makeAdapter()
    const store = customStore({
      load: async () => record,
      remove: async () => {
        throw new Error('disk full')
      },
    })
    await expect(
      completeResetFlow({
        adapter,
        store,
        token: 'tok',
        password: 'a long password',
        signal: new AbortController().signal,
      }),
    ).resolves.toBeUndefined()
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it.each([
    { outcome: 'success', settled: 'resolved', completeReset: async () => {} },
    {
      outcome: 'a terminal error',
      settled: 'token_used',
      completeReset: async () => {
        throw new ResetError('token_used')
      },
    },
  ])(
    'T7: settles after $outcome only once a custom store has deleted the record',
    async ({ settled, completeReset }) => {
      const record = await saveRecord()
      const adapter = { ...makeAdapter(), completeReset: vi.fn<ResetAdapter['completeReset']>(completeReset) }
      let removed = false
      const store: VerifierStore = {
        load: async () => record,
        save: async () => {},
        // An asynchronous store (IndexedDB, a server) that finishes its delete a few ticks later.
        remove: async () => {
          for (let tick = 0; tick < 5; tick += 1) await Promise.resolve()
          removed = true
        },
      }
      const outcome = await completeResetFlow({
        adapter,
        store,
        token: 'tok',
        password: 'a long password',
        signal: new AbortController().signal,
      }).then(
        () => 'resolved',
        (error: ResetError) => error.code,
      )
      expect(outcome).toBe(settled)
      expect(removed).toBe(true)
    },
  )

  it('P5: a retry after a retryable error sends the same verifier', async () => {
    const record = await saveRecord()
    const adapter = makeAdapter()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('network'))
    const store = createWebStorageVerifierStore()
    await expect(
      completeResetFlow({
        adapter,
        store,
        token: 'tok',
        password: 'correct horse',
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'network' })
    await completeResetFlow({
      adapter,
      store,
      token: 'tok',
      password: 'correct horse',
      signal: new AbortController().signal,
    })
    expect(adapter.completeReset.mock.calls.map(([input]) => input.codeVerifier)).toEqual([
      record.verifier,
      record.verifier,
    ])
  })

  it.each<ResetErrorCode>(['token_expired', 'token_used', 'token_invalid'])(
    'P5: deletes the verifier and forgets the token after %s',
    async (code) => {
      await saveRecord()
      sessionStorage.setItem(TOKEN_KEY, 'tok')
      const adapter = makeAdapter()
      adapter.completeReset.mockRejectedValueOnce(new ResetError(code))
      const store = createWebStorageVerifierStore()
      await expect(
        completeResetFlow({
          adapter,
          store,
          token: 'tok',
          password: 'correct horse',
          signal: new AbortController().signal,
        }),
      ).rejects.toMatchObject({ name: 'ResetError', code })
      expect(sessionStorage.getItem(KEY)).toBeNull()
      expect(localStorage.getItem(KEY)).toBeNull()
      expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    },
  )

  it('P5, P8: after verifier_mismatch the verifier is retired, not deleted: its own email still works, no new request uses it', async () => {
    const record = await saveRecord()
    sessionStorage.setItem(TOKEN_KEY, 'tok')
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore()
    const signal = new AbortController().signal
    // Another request's link (an older email, another browser's), sent with this browser's verifier.
    adapter.completeReset.mockRejectedValueOnce(new ResetError('verifier_mismatch'))
    await expect(
      completeResetFlow({ adapter, store, token: 'theirs', password: 'correct horse', signal }),
    ).rejects.toMatchObject({ code: 'verifier_mismatch' })
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(await store.load('app')).toMatchObject({ verifier: record.verifier, retired: true })

    await completeResetFlow({ adapter, store, token: 'ours', password: 'correct horse', signal })
    expect(adapter.completeReset).toHaveBeenLastCalledWith(
      expect.objectContaining({ token: 'ours', codeVerifier: record.verifier }),
    )
  })

  it('P5: honours a terminal code thrown by another copy of the kit', async () => {
    await saveRecord()
    const adapter = makeAdapter()
    adapter.completeReset.mockRejectedValueOnce(
      Object.assign(new Error('token_used'), { name: 'ResetError', code: 'token_used' }),
    )
    await expect(
      completeResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        token: 'tok',
        password: 'correct horse',
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'token_used' })
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('wraps an unexpected throw as unknown and keeps the verifier', async () => {
    await saveRecord()
    const adapter = makeAdapter()
    const thrown = new TypeError('Failed to fetch')
    adapter.completeReset.mockRejectedValueOnce(thrown)
    const error = await completeResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      token: 'tok',
      password: 'correct horse',
      signal: new AbortController().signal,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'unknown', cause: thrown })
    expect(localStorage.getItem(KEY)).not.toBeNull()
  })

  it.each([
    { mode: 'session+local' as const, token: 'tok', code: 'token_used', kept: true },
    { mode: 'session+local' as const, token: 'another', code: 'verifier_missing', kept: true },
    // A host that keeps nothing in localStorage: nothing is kept, and the link reads as elsewhere.
    { mode: 'session' as const, token: 'tok', code: 'verifier_missing', kept: false },
  ])(
    "T5, P7: the link that changed the password here, sent again ('$token', $mode): $code, and nothing sent",
    async ({ mode, token, code, kept }) => {
      await saveRecord()
      const adapter = makeAdapter()
      const store = createWebStorageVerifierStore({ mode })
      const signal = new AbortController().signal
      await completeResetFlow({ adapter, store, token: 'tok', password: 'correct horse', signal })
      // The token's hash, never the token, where the new tab an email link opens finds it.
      expect({ ...localStorage }).toEqual(kept ? { 'reset-kit:app:spent': await computeChallenge('tok') } : {})
      sessionStorage.clear()

      const error = await completeResetFlow({ adapter, store, token, password: 'another horse', signal }).catch(
        (caught: unknown) => caught,
      )
      expect(error).toMatchObject({ code })
      expect(adapter.completeReset).toHaveBeenCalledOnce()
    },
  )

  it('P5, P6: the used link sent again after a newer request says used, sends nothing, and the newer link still works', async () => {
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore()
    const signal = new AbortController().signal
    await saveRecord()
    await completeResetFlow({ adapter, store, token: 'old', password: 'correct horse', signal })
    // A new request, later: a fresh pair, whose email brings the link 'new'.
    const start = { adapter, store, email: 'a@example.com', redirectUrl: 'https://app.example.com/r', locale: 'en' }
    await startResetFlow({ ...start, minDurationMs: 0, signal })
    const newer = localStorage.getItem(KEY)
    expect(newer).not.toBeNull()

    const error = await completeResetFlow({ adapter, store, token: 'old', password: 'another horse', signal }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toMatchObject({ code: 'token_used' })
    expect(adapter.completeReset).toHaveBeenCalledOnce()
    expect(localStorage.getItem(KEY)).toBe(newer)

    await completeResetFlow({ adapter, store, token: 'new', password: 'another horse', signal })
    expect(adapter.completeReset).toHaveBeenLastCalledWith(
      expect.objectContaining({ token: 'new', codeVerifier: (JSON.parse(newer!) as VerifierRecord).verifier }),
    )
  })

  it("P6, T5: after a resend, the other email's link opened once the password changed says used while it could arrive, and sends nothing", async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] })
    try {
      const adapter = makeAdapter()
      const store = createWebStorageVerifierStore()
      const signal = new AbortController().signal
      const start = { adapter, store, email: 'a@example.com', redirectUrl: 'https://app.example.com/r', locale: 'en' }
      // Two emails with one verifier: 'first' and 'second' both pair with it.
      await startResetFlow({ ...start, minDurationMs: 0, expiresInMinutes: 60, signal })
      await startResetFlow({ ...start, minDurationMs: 0, expiresInMinutes: 60, signal })
      await completeResetFlow({ adapter, store, token: 'first', password: 'correct horse', signal })
      expect(localStorage.getItem(KEY)).toBeNull()
      sessionStorage.clear()

      const second = () =>
        completeResetFlow({ adapter, store, token: 'second', password: 'another horse', signal }).catch(
          (caught: unknown) => caught,
        )
      expect(await second()).toMatchObject({ code: 'token_used' })
      // Past the newest email's expiry, a link here without its verifier is from elsewhere again.
      vi.setSystemTime(Date.now() + 61 * 60_000)
      expect(await second()).toMatchObject({ code: 'verifier_missing' })
      expect(adapter.completeReset).toHaveBeenCalledOnce()
    } finally {
      vi.useRealTimers()
    }
  })

  it.each([
    [
      'rejects',
      async () => {
        throw new Error('IndexedDB closed')
      },
    ],
    [
      'throws at once',
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    ],
  ])(
    'a custom store whose spent() %s reads as nothing spent: no retry over a dead link, a live one still works',
    async (_, spent) => {
      const signal = new AbortController().signal
      const adapter = makeAdapter()
      await expect(
        completeResetFlow({
          adapter,
          store: customStore({ spent }),
          token: 'tok',
          password: 'a long password',
          signal,
        }),
      ).rejects.toMatchObject({ code: 'verifier_missing' })
      const record = await saveRecord()
      await completeResetFlow({
        adapter,
        store: customStore({ spent, load: async () => record }),
        token: 'tok',
        password: 'a long password',
        signal,
      })
      expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ codeVerifier: record.verifier }))
    },
  )

  it("after a resend and its success, a newer request's own link still works within the other emails' window", async () => {
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore()
    const signal = new AbortController().signal
    const start = { adapter, store, email: 'a@example.com', redirectUrl: 'https://app.example.com/r', locale: 'en' }
    await startResetFlow({ ...start, minDurationMs: 0, signal })
    await startResetFlow({ ...start, minDurationMs: 0, signal })
    await completeResetFlow({ adapter, store, token: 'first', password: 'correct horse', signal })
    expect(localStorage.getItem('reset-kit:app:spent')).toMatch(/^[\w-]{43} \d+$/)
    await startResetFlow({ ...start, minDurationMs: 0, signal })
    const newer = JSON.parse(localStorage.getItem(KEY)!) as VerifierRecord
    await completeResetFlow({ adapter, store, token: 'third', password: 'another horse', signal })
    expect(adapter.completeReset).toHaveBeenLastCalledWith(
      expect.objectContaining({ token: 'third', codeVerifier: newer.verifier }),
    )
  })

  it('resolves after success even when a custom store fails to keep the spent hash', async () => {
    const record = await saveRecord()
    const store = customStore({
      load: async () => record,
      spend: async () => {
        throw new Error('disk full')
      },
    })
    const signal = new AbortController().signal
    await expect(
      completeResetFlow({ adapter: makeAdapter(), store, token: 'tok', password: 'a long password', signal }),
    ).resolves.toBeUndefined()
  })

  it('P7: with no stored record rejects verifier_missing and never calls completeReset', async () => {
    const adapter = makeAdapter()
    const error = await completeResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      token: 'tok',
      password: 'correct horse',
      signal: new AbortController().signal,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'verifier_missing' })
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it.each([
    { label: 'a corrupt record', text: '{"v":1,"verifier":' },
    { label: 'a record of another adapter', text: 'other' },
    { label: 'an expired record', text: 'expired' },
  ])('P9: $label is never sent: verifier_missing, completeReset not called, key removed', async ({ text }) => {
    const pair = await createPkcePair()
    const base = { v: 1, ...pair, createdAt: Date.now() - 2000, expiresAt: Date.now() + 60_000, adapterId: 'app' }
    const stored =
      text === 'other'
        ? JSON.stringify({ ...base, adapterId: 'other' })
        : text === 'expired'
          ? JSON.stringify({ ...base, expiresAt: Date.now() - 1000 })
          : text
    localStorage.setItem(KEY, stored)
    const adapter = makeAdapter()
    await expect(
      completeResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        token: 'tok',
        password: 'correct horse',
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'verifier_missing' })
    expect(adapter.completeReset).not.toHaveBeenCalled()
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('P10: an adapter without PKCE gets no codeVerifier and the store is never touched', async () => {
    const adapter = makeAdapter({ pkce: false })
    const store = {
      load: vi.fn<VerifierStore['load']>(async () => undefined),
      save: vi.fn<VerifierStore['save']>(async () => {}),
      remove: vi.fn<VerifierStore['remove']>(async () => {}),
    } satisfies VerifierStore
    sessionStorage.setItem(TOKEN_KEY, 'tok')
    await completeResetFlow({
      adapter,
      store,
      token: 'tok',
      password: 'correct horse',
      signal: new AbortController().signal,
    })
    const input = adapter.completeReset.mock.calls[0]![0]
    expect('codeVerifier' in input).toBe(false)
    expect(store.load).not.toHaveBeenCalled()
    expect(store.remove).not.toHaveBeenCalled()
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('P10: an adapter without PKCE does not ignore a terminal error (token forgotten)', async () => {
    const adapter = makeAdapter({ pkce: false })
    adapter.completeReset.mockRejectedValueOnce(new ResetError('token_expired'))
    sessionStorage.setItem(TOKEN_KEY, 'tok')
    await expect(
      completeResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        token: 'tok',
        password: 'correct horse',
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'token_expired' })
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('rejects with the abort reason (not a ResetError) and keeps the verifier when aborted', async () => {
    await saveRecord()
    const adapter = makeAdapter()
    const controller = new AbortController()
    const reason = new DOMException('unmounted', 'AbortError')
    adapter.completeReset.mockImplementation(
      ({ signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new ResetError('token_used')))),
    )
    const promise = completeResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      token: 'tok',
      password: 'correct horse',
      signal: controller.signal,
    })
    await vi.waitFor(() => expect(adapter.completeReset).toHaveBeenCalled())
    controller.abort(reason)
    await expect(promise).rejects.toBe(reason)
    expect(localStorage.getItem(KEY)).not.toBeNull()
  })
})
