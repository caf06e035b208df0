import { completeResetFlow } from '../../src/core/completeResetFlow'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import { computeChallenge } from '../../src/core/pkce'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError, type ResetErrorCode } from '../../src/core/ResetError'
import {
  DEFAULT_MIN_DURATION_MS,
  DEFAULT_VERIFIER_LIFETIME_MINUTES,
  startResetFlow,
  type StartResetFlowInput,
} from '../../src/core/startResetFlow'
import type { VerifierRecord, VerifierStore } from '../../src/core/VerifierStore'

const KEY = 'reset-kit:app:verifier'
const REDIRECT_URL = 'https://app.example.com/reset-password'

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

/** A start request for ada@example.com with no minimum duration; `overrides` set the rest. */
/** The completion a test finishes the flow with: any token, a valid password, a live signal. */
function complete(adapter: ResetAdapter, store: VerifierStore): Promise<void> {
  return completeResetFlow({
    adapter,
    store,
    token: 'tok',
    password: 'correct horse',
    signal: new AbortController().signal,
  })
}

function flowInput(
  adapter: ResetAdapter,
  store: VerifierStore,
  overrides: Partial<StartResetFlowInput> = {},
): StartResetFlowInput {
  return {
    adapter,
    store,
    email: 'ada@example.com',
    redirectUrl: REDIRECT_URL,
    locale: 'en',
    minDurationMs: 0,
    signal: new AbortController().signal,
    ...overrides,
  }
}

function storedRecord(area: Storage = localStorage): VerifierRecord {
  const text = area.getItem(KEY)
  if (text === null) throw new Error(`no record under ${KEY}`)
  return JSON.parse(text) as VerifierRecord
}

const sessionDescriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!
const localDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!

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

/** A request and its resend: two emails whose links pair with one stored verifier. */
async function askedTwice() {
  const adapter = makeAdapter()
  const store = createWebStorageVerifierStore()
  const input = flowInput(adapter, store)
  await startResetFlow(input)
  await startResetFlow(input)
  return { adapter, store, input }
}

describe('startResetFlow', () => {
  it('exports its defaults', () => {
    expect(DEFAULT_MIN_DURATION_MS).toBe(1000)
    expect(DEFAULT_VERIFIER_LIFETIME_MINUTES).toBe(24 * 60)
  })

  it('sends the trimmed email, redirect URL, locale, expiry and signal, and resolves with the email', async () => {
    const adapter = makeAdapter()
    const controller = new AbortController()
    const result = await startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: '  Ada@Example.com ',
      redirectUrl: REDIRECT_URL,
      locale: 'pt-BR',
      expiresInMinutes: 30,
      minDurationMs: 0,
      signal: controller.signal,
    })
    expect(result).toEqual({ email: 'Ada@Example.com' })
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
    const input = adapter.startReset.mock.calls[0]![0]
    expect(input).toEqual({
      email: 'Ada@Example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'pt-BR',
      codeChallenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresInMinutes: 30,
      signal: controller.signal,
    })
  })

  it('omits expiresInMinutes when it is not configured', async () => {
    const adapter = makeAdapter()
    await startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    })
    expect('expiresInMinutes' in adapter.startReset.mock.calls[0]![0]).toBe(false)
  })

  it('P4: the start request carries the challenge of the stored verifier and never the verifier itself', async () => {
    const adapter = makeAdapter()
    await startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    })
    const record = storedRecord()
    const input = adapter.startReset.mock.calls[0]![0]
    expect(input.codeChallenge).toBe(record.challenge)
    await expect(computeChallenge(record.verifier)).resolves.toBe(input.codeChallenge)
    expect(JSON.stringify(input)).not.toContain(record.verifier)
    expect(
      Object.values(input)
        .filter((value) => typeof value === 'string')
        .join('\n'),
    ).not.toContain(record.verifier)
    expect(input.redirectUrl).toBe(REDIRECT_URL)
  })

  it('P4: the record is written and readable in both areas before the start request is sent', async () => {
    const adapter = makeAdapter()
    adapter.startReset.mockImplementation(async (input) => {
      expect(storedRecord(sessionStorage).challenge).toBe(input.codeChallenge)
      expect(storedRecord(localStorage).challenge).toBe(input.codeChallenge)
    })
    await startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    })
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it('P4: with a custom store, save happens before startReset', async () => {
    const adapter = makeAdapter()
    const store = {
      load: vi.fn<VerifierStore['load']>(async () => undefined),
      save: vi.fn<VerifierStore['save']>(async () => {}),
      remove: vi.fn<VerifierStore['remove']>(async () => {}),
    } satisfies VerifierStore
    await startResetFlow({
      adapter,
      store,
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    })
    expect(store.load).toHaveBeenCalledWith('app')
    expect(store.save).toHaveBeenCalledTimes(1)
    expect(store.save.mock.invocationCallOrder[0]!).toBeLessThan(adapter.startReset.mock.invocationCallOrder[0]!)
    expect(store.save.mock.calls[0]![0].challenge).toBe(adapter.startReset.mock.calls[0]![0].codeChallenge)
  })

  it('stores only {v, verifier, challenge, createdAt, expiresAt, adapterId}: no email, no token', async () => {
    const now = 1_700_000_000_000
    await startResetFlow({
      adapter: makeAdapter(),
      store: createWebStorageVerifierStore({ now: () => now }),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      expiresInMinutes: 30,
      minDurationMs: 0,
      signal: new AbortController().signal,
      now: () => now,
    })
    const record = storedRecord()
    expect(Object.keys(record).sort()).toEqual([
      'adapterId',
      'challenge',
      'createdAt',
      'expiresAt',
      'sends',
      'v',
      'verifier',
    ])
    expect(record).toMatchObject({ v: 1, adapterId: 'app', createdAt: now, expiresAt: now + 30 * 60_000, sends: 1 })
    expect(localStorage.getItem(KEY)).not.toContain('ada@example.com')
    expect(sessionStorage.getItem(KEY)).not.toContain('ada@example.com')
  })

  it('gives the record a 24 h lifetime when the link lifetime is not configured', async () => {
    const now = 1_700_000_000_000
    await startResetFlow({
      adapter: makeAdapter(),
      store: createWebStorageVerifierStore({ now: () => now }),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
      now: () => now,
    })
    expect(storedRecord().expiresAt).toBe(now + 24 * 60 * 60_000)
  })

  it.each(['', '   ', 'user@', '@x.com', 'a b@x.com', 'user@x'])(
    'B1: rejects %j with invalid_email on the email field, sends nothing and stores nothing',
    async (email) => {
      const adapter = makeAdapter()
      const error = await startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email,
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        minDurationMs: 0,
        signal: new AbortController().signal,
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ResetError)
      expect(error).toMatchObject({ code: 'invalid_email', field: 'email' })
      expect(adapter.startReset).not.toHaveBeenCalled()
      expect(sessionStorage.length + localStorage.length).toBe(0)
    },
  )

  it('P3: without crypto.subtle rejects insecure_context, sends nothing and stores nothing', async () => {
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) })
    expect(globalThis.crypto.subtle).toBeUndefined()
    const adapter = makeAdapter()
    const error = await startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'insecure_context' })
    expect(adapter.startReset).not.toHaveBeenCalled()
    expect(sessionStorage.length + localStorage.length).toBe(0)
  })

  it('P6: a second start within the lifetime reuses the same challenge and record', async () => {
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore()
    const input = flowInput(adapter, store)
    await startResetFlow(input)
    const first = storedRecord()
    await startResetFlow(input)
    expect(adapter.startReset).toHaveBeenCalledTimes(2)
    expect(adapter.startReset.mock.calls[1]![0].codeChallenge).toBe(adapter.startReset.mock.calls[0]![0].codeChallenge)
    expect(first.sends).toBe(1)
    expect(storedRecord()).toEqual({ ...first, expiresAt: expect.any(Number), sends: 2 })
    expect(storedRecord().expiresAt).toBeGreaterThanOrEqual(first.expiresAt)
  })

  it('P6: a resend keeps the reused verifier for as long as the newest link lives', async () => {
    let time = 1_700_000_000_000
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore({ now: () => time })
    const input = flowInput(adapter, store, { expiresInMinutes: 30, now: () => time })
    await startResetFlow(input)
    time += 20 * 60_000
    await startResetFlow(input)
    expect(adapter.startReset.mock.calls[1]![0].codeChallenge).toBe(adapter.startReset.mock.calls[0]![0].codeChallenge)
    expect(storedRecord().expiresAt).toBe(time + 30 * 60_000)
    // 35 minutes after the first email: that link is dead, the second one (sent at 20) is not.
    time += 15 * 60_000
    await complete(adapter, store)
    const sent = adapter.completeReset.mock.calls[0]![0].codeVerifier!
    expect(await computeChallenge(sent)).toBe(adapter.startReset.mock.calls[1]![0].codeChallenge)
  })

  it('P6: a shorter-lived resend never cuts short the lifetime of the link sent before it', async () => {
    let time = 1_700_000_000_000
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore({ now: () => time })
    const input = flowInput(adapter, store, { expiresInMinutes: 600, now: () => time })
    await startResetFlow(input)
    const first = storedRecord()
    time += 60_000
    await startResetFlow({ ...input, expiresInMinutes: 30 })
    expect(storedRecord()).toEqual({ ...first, sends: 2 })
  })

  it("P11: the link lifetime an adapter sets itself (Stytch's expiresInMinutes) is the verifier's", async () => {
    let time = 1_700_000_000_000
    const adapter = { ...makeAdapter(), linkLifetimeMinutes: 7 * 24 * 60 }
    const store = createWebStorageVerifierStore({ now: () => time })
    await startResetFlow(flowInput(adapter, store, { now: () => time }))
    expect(storedRecord().expiresAt).toBe(time + 7 * 24 * 60 * 60_000)
    // Day 2: past the default 24 hours, still inside the link's 7 days.
    time += 2 * 24 * 60 * 60_000
    await complete(adapter, store)
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['the request', NaN, undefined, true],
    ['the request', Infinity, undefined, true],
    ['the request', 0, undefined, true],
    ['the request', -5, undefined, true],
    ["the adapter's", undefined, NaN, true],
    ["the adapter's", undefined, 0, false],
  ])(
    '%s link lifetime of %s / %s minutes is misconfigured, and nothing is saved or sent (pkce: %s)',
    async (_whose, expiresInMinutes, linkLifetimeMinutes, pkce) => {
      const adapter = { ...makeAdapter({ pkce }), linkLifetimeMinutes }
      const rejection = startResetFlow(
        flowInput(adapter, createWebStorageVerifierStore(), expiresInMinutes === undefined ? {} : { expiresInMinutes }),
      )
      await expect(rejection).rejects.toBeInstanceOf(ResetError)
      await expect(rejection).rejects.toMatchObject({ code: 'misconfigured', cause: expect.any(TypeError) })
      expect(adapter.startReset).not.toHaveBeenCalled()
      expect(localStorage.getItem(KEY)).toBeNull()
      expect(sessionStorage.getItem(KEY)).toBeNull()
    },
  )

  it('P6: after completion succeeds the next start makes a fresh pair', async () => {
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore()
    const input = flowInput(adapter, store)
    await startResetFlow(input)
    const first = storedRecord()
    await complete(adapter, store)
    await startResetFlow(input)
    const second = storedRecord()
    expect(second.verifier).not.toBe(first.verifier)
    expect(adapter.startReset.mock.calls[1]![0].codeChallenge).toBe(second.challenge)
    expect(adapter.startReset.mock.calls[1]![0].codeChallenge).not.toBe(first.challenge)
  })

  it('P6: after a terminal completion error the next start makes a fresh pair', async () => {
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore()
    const input = flowInput(adapter, store)
    await startResetFlow(input)
    const first = storedRecord()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('token_expired'))
    await expect(complete(adapter, store)).rejects.toMatchObject({ code: 'token_expired' })
    await startResetFlow(input)
    expect(adapter.startReset.mock.calls[1]![0].codeChallenge).not.toBe(first.challenge)
  })

  it.each<ResetErrorCode>(['token_expired', 'token_used', 'token_invalid'])(
    'P6: after a resend, the older email found %s keeps the verifier, and the newer link completes with it',
    async (code) => {
      const { adapter, store } = await askedTwice()
      adapter.completeReset.mockRejectedValueOnce(new ResetError(code))
      await expect(complete(adapter, store)).rejects.toMatchObject({ code })
      await complete(adapter, store)
      const sent = adapter.completeReset.mock.calls[1]![0].codeVerifier!
      expect(await computeChallenge(sent)).toBe(adapter.startReset.mock.calls[1]![0].codeChallenge)
      // Spent now: the next request starts over. Left is the token's hash, never the token, so
      // the same link opened again here reads as used.
      expect(sessionStorage.length).toBe(0)
      expect({ ...localStorage }).toEqual({ 'reset-kit:app:spent': await computeChallenge('tok') })
    },
  )

  it('P6: a dead link retires the verifier a resend shared: the newer link still uses it, a new request never does', async () => {
    const { adapter, store, input } = await askedTwice()
    const shared = storedRecord()
    // Stytch checks nothing first: the dead link's completion already sent the verifier.
    adapter.completeReset.mockRejectedValueOnce(new ResetError('token_expired'))
    await expect(complete(adapter, store)).rejects.toMatchObject({ code: 'token_expired' })
    expect(storedRecord()).toEqual({ ...shared, sends: 1, retired: true })

    await startResetFlow(input)
    const fresh = storedRecord()
    expect(fresh.verifier).not.toBe(shared.verifier)
    expect(fresh).toMatchObject({ sends: 1 })
    expect(fresh.retired).toBeUndefined()
    expect(adapter.startReset.mock.calls[2]![0].codeChallenge).toBe(fresh.challenge)
  })

  it('P5: after a resend, the second dead link deletes the verifier: no email is left that pairs with it', async () => {
    const { adapter, store } = await askedTwice()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('token_used'))
    adapter.completeReset.mockRejectedValueOnce(new ResetError('token_expired'))
    await expect(complete(adapter, store)).rejects.toMatchObject({ code: 'token_used' })
    await expect(complete(adapter, store)).rejects.toMatchObject({ code: 'token_expired' })
    expect(localStorage.length + sessionStorage.length).toBe(0)
  })

  it('P8: after a resend, a verifier the server calls mismatched is retired with both its emails counted, and never sent with a new request', async () => {
    const { adapter, store, input } = await askedTwice()
    const shared = storedRecord()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('verifier_mismatch'))
    await expect(complete(adapter, store)).rejects.toMatchObject({ code: 'verifier_mismatch' })
    expect(storedRecord()).toEqual({ ...shared, retired: true })
    await startResetFlow(input)
    expect(storedRecord().verifier).not.toBe(shared.verifier)
  })

  it('P6: after the record expires the next start makes a fresh pair', async () => {
    let now = 1_700_000_000_000
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore({ now: () => now })
    const input = flowInput(adapter, store, { expiresInMinutes: 10, now: () => now })
    await startResetFlow(input)
    now += 10 * 60_000
    await startResetFlow(input)
    expect(adapter.startReset.mock.calls[1]![0].codeChallenge).not.toBe(
      adapter.startReset.mock.calls[0]![0].codeChallenge,
    )
    expect(storedRecord().createdAt).toBe(now)
  })

  it('P10: an adapter without PKCE gets no challenge and nothing is stored, even without WebCrypto', async () => {
    vi.stubGlobal('crypto', undefined)
    const adapter = makeAdapter({ pkce: false })
    const store = {
      load: vi.fn<VerifierStore['load']>(async () => undefined),
      save: vi.fn<VerifierStore['save']>(async () => {}),
      remove: vi.fn<VerifierStore['remove']>(async () => {}),
    } satisfies VerifierStore
    await startResetFlow({
      adapter,
      store,
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    })
    const input = adapter.startReset.mock.calls[0]![0]
    expect('codeChallenge' in input).toBe(false)
    expect(store.load).not.toHaveBeenCalled()
    expect(store.save).not.toHaveBeenCalled()
  })

  it('P10: with the default store an adapter without PKCE leaves both storage areas empty', async () => {
    await startResetFlow({
      adapter: makeAdapter({ pkce: false }),
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    })
    expect(sessionStorage.length + localStorage.length).toBe(0)
  })

  describe('S1: storage faults', () => {
    it('rejects storage_unavailable and sends nothing when the sessionStorage getter throws', async () => {
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError')
        },
        configurable: true,
      })
      const adapter = makeAdapter()
      const error = await startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        minDurationMs: 0,
        signal: new AbortController().signal,
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ResetError)
      expect(error).toMatchObject({ code: 'storage_unavailable' })
      expect(adapter.startReset).not.toHaveBeenCalled()
    })

    it('rejects storage_unavailable and sends nothing when the localStorage getter throws', async () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError')
        },
        configurable: true,
      })
      const adapter = makeAdapter()
      const error = await startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        minDurationMs: 0,
        signal: new AbortController().signal,
      }).catch((caught: unknown) => caught)
      expect(error).toMatchObject({ name: 'ResetError', code: 'storage_unavailable' })
      expect(adapter.startReset).not.toHaveBeenCalled()
    })

    it('rejects storage_unavailable and sends nothing when setItem throws QuotaExceededError', async () => {
      vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      })
      const adapter = makeAdapter()
      const error = await startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        minDurationMs: 0,
        signal: new AbortController().signal,
      }).catch((caught: unknown) => caught)
      expect(error).toMatchObject({ name: 'ResetError', code: 'storage_unavailable' })
      expect(adapter.startReset).not.toHaveBeenCalled()
    })

    it('rejects storage_unavailable and sends nothing when setItem silently does not stick', async () => {
      vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {})
      const adapter = makeAdapter()
      const error = await startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        minDurationMs: 0,
        signal: new AbortController().signal,
      }).catch((caught: unknown) => caught)
      expect(error).toMatchObject({ name: 'ResetError', code: 'storage_unavailable' })
      expect(adapter.startReset).not.toHaveBeenCalled()
    })
  })

  it('rejects with the adapter ResetError unchanged', async () => {
    const adapter = makeAdapter()
    const rateLimited = new ResetError('rate_limited', { retryAfterSeconds: 30 })
    adapter.startReset.mockRejectedValueOnce(rateLimited)
    await expect(
      startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        minDurationMs: 0,
        signal: new AbortController().signal,
      }),
    ).rejects.toBe(rateLimited)
  })

  it('wraps anything else an adapter throws as unknown', async () => {
    const adapter = makeAdapter()
    const thrown = new TypeError('Failed to fetch')
    adapter.startReset.mockRejectedValueOnce(thrown)
    const error = await startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: new AbortController().signal,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'unknown', message: 'unknown', cause: thrown })
  })

  it('R3: keeps the verifier after a network error, so a retry reuses it', async () => {
    const adapter = makeAdapter()
    const store = createWebStorageVerifierStore()
    adapter.startReset.mockRejectedValueOnce(new ResetError('network'))
    const input = flowInput(adapter, store)
    await expect(startResetFlow(input)).rejects.toMatchObject({ code: 'network' })
    await startResetFlow(input)
    expect(adapter.startReset.mock.calls[1]![0].codeChallenge).toBe(adapter.startReset.mock.calls[0]![0].codeChallenge)
  })

  it('rejects with the abort reason (not a ResetError) when aborted during the request', async () => {
    const adapter = makeAdapter({ pkce: false })
    const controller = new AbortController()
    const reason = new DOMException('unmounted', 'AbortError')
    adapter.startReset.mockImplementation(
      ({ signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new TypeError('aborted fetch')))),
    )
    const promise = startResetFlow({
      adapter,
      store: createWebStorageVerifierStore(),
      email: 'ada@example.com',
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      minDurationMs: 0,
      signal: controller.signal,
    })
    controller.abort(reason)
    await expect(promise).rejects.toBe(reason)
  })

  describe('E2: minimum duration (fake timers)', () => {
    beforeEach(() => {
      vi.useFakeTimers()
    })

    it('E2: does not settle before 1000 ms by default even when the adapter answers at once', async () => {
      const adapter = makeAdapter({ pkce: false })
      let settled = false
      const promise = startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        signal: new AbortController().signal,
      }).then((result) => {
        settled = true
        return result
      })
      await vi.advanceTimersByTimeAsync(0)
      expect(adapter.startReset).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(998)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toBe(true)
      await expect(promise).resolves.toEqual({ email: 'ada@example.com' })
    })

    it('E2: honours a configured minDurationMs', async () => {
      const adapter = makeAdapter({ pkce: false })
      let settled = false
      void startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        minDurationMs: 2500,
        signal: new AbortController().signal,
      }).then(() => {
        settled = true
      })
      await vi.advanceTimersByTimeAsync(2499)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toBe(true)
    })

    it('E2: counts the request time toward the floor (600 ms request settles at 1000 ms)', async () => {
      const adapter = makeAdapter({ pkce: false })
      adapter.startReset.mockImplementation(() => new Promise((resolve) => setTimeout(resolve, 600)))
      let settled = false
      void startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        signal: new AbortController().signal,
      }).then(() => {
        settled = true
      })
      await vi.advanceTimersByTimeAsync(999)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toBe(true)
    })

    it('E2: an adapter that takes 1500 ms adds no extra wait', async () => {
      const adapter = makeAdapter({ pkce: false })
      adapter.startReset.mockImplementation(() => new Promise((resolve) => setTimeout(resolve, 1500)))
      let settled = false
      void startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        signal: new AbortController().signal,
      }).then(() => {
        settled = true
      })
      await vi.advanceTimersByTimeAsync(1499)
      expect(settled).toBe(false)
      // The remaining floor is negative, so only a 0 ms timer is left; fake timers run a 0 ms
      // timer created during a tick 1 ms later, hence 1501 rather than 1500.
      await vi.advanceTimersByTimeAsync(2)
      expect(settled).toBe(true)
    })

    it('E2: abort during the wait rejects with the abort reason', async () => {
      const adapter = makeAdapter({ pkce: false })
      const controller = new AbortController()
      const reason = new Error('unmounted')
      const outcome = startResetFlow({
        adapter,
        store: createWebStorageVerifierStore(),
        email: 'ada@example.com',
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        signal: controller.signal,
      }).then(
        () => 'resolved',
        (error: unknown) => error,
      )
      await vi.advanceTimersByTimeAsync(400)
      expect(adapter.startReset).toHaveBeenCalledTimes(1)
      controller.abort(reason)
      await vi.advanceTimersByTimeAsync(0)
      await expect(outcome).resolves.toBe(reason)
      expect(vi.getTimerCount()).toBe(0)
    })
  })
})
