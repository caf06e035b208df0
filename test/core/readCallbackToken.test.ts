import {
  checkGivenToken,
  clearCallbackToken,
  MAX_TOKEN_LENGTH,
  readCallbackToken,
  type CallbackEnvironment,
} from '../../src/core/readCallbackToken'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError } from '../../src/core/ResetError'

const KEY = 'reset-kit:app:token'

function makeAdapter(overrides: Partial<Pick<ResetAdapter, 'id' | 'tokenParams' | 'validateCallbackParams'>> = {}) {
  return {
    id: 'app',
    pkce: true,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
    ...overrides,
  } satisfies ResetAdapter
}

function makeEnvironment(href: string) {
  return {
    location: { href },
    history: { state: { key: 'kept' }, replaceState: vi.fn<History['replaceState']>() },
  } satisfies CallbackEnvironment
}

const initialUrl = window.location.href

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  window.history.replaceState(null, '', initialUrl)
  sessionStorage.clear()
  localStorage.clear()
})

describe('readCallbackToken', () => {
  describe('with an injected environment', () => {
    it('T1: removes the token from the URL with replaceState, keeping other params, the hash and the history state', () => {
      const environment = makeEnvironment('https://app.example.com/reset?token=abc&utm_source=x#top')
      expect(readCallbackToken(makeAdapter(), environment)).toEqual({ status: 'found', token: 'abc' })
      expect(environment.history.replaceState).toHaveBeenCalledTimes(1)
      expect(environment.history.replaceState).toHaveBeenCalledWith(
        { key: 'kept' },
        '',
        'https://app.example.com/reset?utm_source=x#top',
      )
    })

    it.each([
      [
        'keeps every other param as it was written, not re-encoded',
        '?next=/account/settings&q=a%20b&flag&token=abc&x=%2F+y&empty=#top',
        '?next=/account/settings&q=a%20b&flag&x=%2F+y&empty=#top',
      ],
      // A guard for the string cut, not proof of it (URLSearchParams' own delete passes too): a
      // name is matched as decoded.
      [
        'still takes out a token whose param name is percent-encoded, as URLSearchParams reads it',
        '?%74oken=abc&utm_source=x',
        '?utm_source=x',
      ],
    ])('T1: %s', (_, query, cleaned) => {
      const environment = makeEnvironment(`https://app.example.com/reset${query}`)
      expect(readCallbackToken(makeAdapter(), environment)).toEqual({ status: 'found', token: 'abc' })
      expect(environment.history.replaceState).toHaveBeenCalledWith(
        { key: 'kept' },
        '',
        `https://app.example.com/reset${cleaned}`,
      )
    })

    it('T1: leaves a clean path when the token was the only param', () => {
      const environment = makeEnvironment('https://app.example.com/reset?token=abc')
      readCallbackToken(makeAdapter(), environment)
      expect(environment.history.replaceState).toHaveBeenCalledWith(
        { key: 'kept' },
        '',
        'https://app.example.com/reset',
      )
    })

    it("T1: stores the token in this tab's sessionStorage under the namespaced key", () => {
      readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=abc'))
      expect(sessionStorage.getItem(KEY)).toBe('abc')
    })

    it('T1: a reload (no param) returns the token from sessionStorage and touches no history', () => {
      readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=abc&utm_source=x'))
      const reload = makeEnvironment('https://app.example.com/reset?utm_source=x')
      expect(readCallbackToken(makeAdapter(), reload)).toEqual({ status: 'found', token: 'abc' })
      expect(reload.history.replaceState).not.toHaveBeenCalled()
    })

    it('T1: a new link replaces the token an earlier link left in this tab', () => {
      readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=old'))
      expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=new'))).toEqual({
        status: 'found',
        token: 'new',
      })
      expect(sessionStorage.getItem(KEY)).toBe('new')
    })

    it('T3: never writes the token to localStorage', () => {
      readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=secret-token-123'))
      readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset'))
      expect(localStorage.length).toBe(0)
    })

    it('T4: missing when the URL has no token and nothing is stored', () => {
      const environment = makeEnvironment('https://app.example.com/reset?utm_source=x')
      expect(readCallbackToken(makeAdapter(), environment)).toEqual({ status: 'missing' })
      expect(environment.history.replaceState).not.toHaveBeenCalled()
    })

    it('T4: a page without a token writes nothing to storage, so reading it again is still missing', () => {
      const environment = makeEnvironment('https://app.example.com/reset?utm_source=x')
      expect(readCallbackToken(makeAdapter(), environment)).toEqual({ status: 'missing' })
      expect(sessionStorage.length).toBe(0)
      expect(readCallbackToken(makeAdapter(), environment)).toEqual({ status: 'missing' })
    })

    it('T4: missing when the stored token is malformed', () => {
      sessionStorage.setItem(KEY, '<script>')
      expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset'))).toEqual({
        status: 'missing',
      })
    })

    it.each([
      { label: 'a duplicated param', query: '?token=a&token=b' },
      { label: 'two token params of the adapter', query: '?token=a&code=b' },
      { label: 'an empty token', query: '?token=' },
      { label: 'an oversized token (2049 chars)', query: `?token=${'a'.repeat(MAX_TOKEN_LENGTH + 1)}` },
      { label: 'a <script> token', query: '?token=<script>alert(1)</script>' },
      { label: 'an encoded <script> token', query: '?token=%3Cscript%3E' },
      { label: 'a token with an encoded space', query: '?token=ab%20cd' },
      { label: 'a token with a plus (a space in a query)', query: '?token=ab+cd' },
      { label: 'a token with a quote', query: '?token=ab%22cd' },
      { label: 'a token with a newline', query: '?token=ab%0Acd' },
    ])('T4: $label is invalid, removed from the URL, and nothing is stored', ({ query }) => {
      sessionStorage.setItem(KEY, 'earlier-token')
      const environment = makeEnvironment(`https://app.example.com/reset${query}&utm_source=x`)
      const adapter = makeAdapter({ tokenParams: ['token', 'code'] })
      expect(readCallbackToken(adapter, environment)).toEqual({ status: 'invalid', code: 'token_invalid' })
      expect(environment.history.replaceState).toHaveBeenCalledWith(
        { key: 'kept' },
        '',
        'https://app.example.com/reset?utm_source=x',
      )
      expect(sessionStorage.getItem(KEY)).toBeNull()
      expect(localStorage.length).toBe(0)
    })

    it('T4: accepts a token of exactly MAX_TOKEN_LENGTH (2048) characters', () => {
      expect(MAX_TOKEN_LENGTH).toBe(2048)
      const token = 'a'.repeat(2048)
      expect(readCallbackToken(makeAdapter(), makeEnvironment(`https://app.example.com/reset?token=${token}`))).toEqual(
        {
          status: 'found',
          token,
        },
      )
    })

    it.each([
      'DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=',
      'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      'abc.def_ghi~jkl',
      'ab%2Bcd%2Fef',
    ])('accepts the real-world token shape %s', (raw) => {
      const token = decodeURIComponent(raw)
      expect(readCallbackToken(makeAdapter(), makeEnvironment(`https://app.example.com/reset?token=${raw}`))).toEqual({
        status: 'found',
        token,
      })
    })

    it("reads the adapter's other token params in order (?code=)", () => {
      const adapter = makeAdapter({ tokenParams: ['token', 'code'] })
      const environment = makeEnvironment('https://app.example.com/reset?code=xyz&next=%2Fhome')
      expect(readCallbackToken(adapter, environment)).toEqual({ status: 'found', token: 'xyz' })
      expect(environment.history.replaceState).toHaveBeenCalledWith(
        { key: 'kept' },
        '',
        'https://app.example.com/reset?next=%2Fhome',
      )
    })

    it('ignores params that are not among the adapter token params', () => {
      const environment = makeEnvironment('https://app.example.com/reset?code=xyz')
      expect(readCallbackToken(makeAdapter({ tokenParams: ['token'] }), environment)).toEqual({ status: 'missing' })
      expect(environment.history.replaceState).not.toHaveBeenCalled()
    })

    it('T4: validateCallbackParams throwing a ResetError gives invalid with its code, nothing stored', () => {
      const validateCallbackParams = vi.fn((params: URLSearchParams) => {
        if (params.get('stytch_token_type') !== 'reset_password') throw new ResetError('token_expired')
      })
      const environment = makeEnvironment('https://app.example.com/reset?token=abc&stytch_token_type=magic_links')
      expect(readCallbackToken(makeAdapter({ validateCallbackParams }), environment)).toEqual({
        status: 'invalid',
        code: 'token_expired',
      })
      expect(sessionStorage.getItem(KEY)).toBeNull()
      expect(environment.history.replaceState).toHaveBeenCalledWith(
        { key: 'kept' },
        '',
        'https://app.example.com/reset?stytch_token_type=magic_links',
      )
    })

    it('T4: validateCallbackParams throwing anything else gives invalid with token_invalid', () => {
      const validateCallbackParams = vi.fn(() => {
        throw new Error('not a reset link')
      })
      const environment = makeEnvironment('https://app.example.com/reset?token=abc')
      expect(readCallbackToken(makeAdapter({ validateCallbackParams }), environment)).toEqual({
        status: 'invalid',
        code: 'token_invalid',
      })
    })

    it('T4: validateCallbackParams throwing on a reload forgets the stored token', () => {
      sessionStorage.setItem(KEY, 'abc')
      const validateCallbackParams = vi.fn(() => {
        throw new ResetError('token_invalid')
      })
      expect(
        readCallbackToken(makeAdapter({ validateCallbackParams }), makeEnvironment('https://app.example.com/reset')),
      ).toEqual({
        status: 'invalid',
        code: 'token_invalid',
      })
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it('T4: validateCallbackParams throwing on a reload leaves the history entry alone (nothing was stripped)', () => {
      sessionStorage.setItem(KEY, 'abc')
      const validateCallbackParams = vi.fn(() => {
        throw new ResetError('token_invalid')
      })
      const reload = makeEnvironment('https://app.example.com/reset')
      expect(readCallbackToken(makeAdapter({ validateCallbackParams }), reload)).toEqual({
        status: 'invalid',
        code: 'token_invalid',
      })
      expect(reload.history.replaceState).not.toHaveBeenCalled()
    })

    it('T1: validateCallbackParams sees every original param, after the token has left the address bar', () => {
      const environment = makeEnvironment('https://app.example.com/reset?token=abc&stytch_token_type=reset_password')
      const validateCallbackParams = vi.fn((params: URLSearchParams) => {
        expect(environment.history.replaceState).toHaveBeenCalledTimes(1)
        expect(params.get('token')).toBe('abc')
        expect(params.get('stytch_token_type')).toBe('reset_password')
      })
      expect(readCallbackToken(makeAdapter({ validateCallbackParams }), environment)).toEqual({
        status: 'found',
        token: 'abc',
      })
      expect(validateCallbackParams).toHaveBeenCalledTimes(1)
    })

    it('S2: tokens of two adapters do not collide', () => {
      readCallbackToken(makeAdapter({ id: 'stytch' }), makeEnvironment('https://app.example.com/reset?token=one'))
      readCallbackToken(makeAdapter({ id: 'http' }), makeEnvironment('https://app.example.com/reset?token=two'))
      expect(sessionStorage.getItem('reset-kit:stytch:token')).toBe('one')
      expect(sessionStorage.getItem('reset-kit:http:token')).toBe('two')
      expect(
        readCallbackToken(makeAdapter({ id: 'stytch' }), makeEnvironment('https://app.example.com/reset')),
      ).toEqual({
        status: 'found',
        token: 'one',
      })
    })

    it('S1, T1: with sessionStorage blocked the token is still found, and kept in memory for a remount of this page (never in storage)', () => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError')
        },
        configurable: true,
      })
      try {
        expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=abc'))).toEqual({
          status: 'found',
          token: 'abc',
        })
        // A remount (React Strict Mode, a host re-keying the page) reads again without the param.
        expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset'))).toEqual({
          status: 'found',
          token: 'abc',
        })
        expect(localStorage.length).toBe(0)
        clearCallbackToken('app')
        expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset'))).toEqual({
          status: 'missing',
        })
      } finally {
        Object.defineProperty(window, 'sessionStorage', descriptor)
      }
    })

    it('S1: with setItem refusing (quota), a new link still replaces the one an earlier link left in memory', () => {
      const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
        throw new DOMException('full', 'QuotaExceededError')
      })
      try {
        readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=one'))
        expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=two'))).toEqual({
          status: 'found',
          token: 'two',
        })
        expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset'))).toEqual({
          status: 'found',
          token: 'two',
        })
      } finally {
        setItem.mockRestore()
        clearCallbackToken('app')
      }
    })
  })

  describe('with the real jsdom window', () => {
    it('T1: strips the token from the address bar, keeps utm_source and the hash, and stores the token', () => {
      window.history.replaceState({ page: 1 }, '', '/reset?token=abc&utm_source=x#frag')
      expect(readCallbackToken(makeAdapter())).toEqual({ status: 'found', token: 'abc' })
      expect(window.location.pathname).toBe('/reset')
      expect(window.location.search).toBe('?utm_source=x')
      expect(window.location.hash).toBe('#frag')
      expect(window.location.href).not.toContain('abc')
      expect(window.history.state).toEqual({ page: 1 })
      expect(sessionStorage.getItem(KEY)).toBe('abc')
      expect(localStorage.length).toBe(0)
    })

    it('T1: replaces the history entry rather than pushing one', () => {
      window.history.replaceState(null, '', '/reset?token=abc')
      const length = window.history.length
      readCallbackToken(makeAdapter())
      expect(window.history.length).toBe(length)
    })

    it('T1: a reload returns the token from sessionStorage', () => {
      window.history.replaceState(null, '', '/reset?token=abc&utm_source=x')
      readCallbackToken(makeAdapter())
      expect(readCallbackToken(makeAdapter())).toEqual({ status: 'found', token: 'abc' })
      expect(window.location.search).toBe('?utm_source=x')
    })

    it('T4: a duplicated token is invalid, stripped, and not stored', () => {
      window.history.replaceState(null, '', '/reset?token=a&token=b')
      expect(readCallbackToken(makeAdapter())).toEqual({ status: 'invalid', code: 'token_invalid' })
      expect(window.location.search).toBe('')
      expect(sessionStorage.getItem(KEY)).toBeNull()
    })

    it('T4: missing when the page has no token', () => {
      window.history.replaceState(null, '', '/reset')
      expect(readCallbackToken(makeAdapter())).toEqual({ status: 'missing' })
    })
  })

  it('T4: missing without a window (server)', () => {
    vi.stubGlobal('window', undefined)
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'missing' })
  })
})

describe('clearCallbackToken', () => {
  it('T7: forgets the token so a reload finds it missing', () => {
    readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset?token=abc'))
    clearCallbackToken('app')
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(readCallbackToken(makeAdapter(), makeEnvironment('https://app.example.com/reset'))).toEqual({
      status: 'missing',
    })
  })

  it("forgets only that adapter's token", () => {
    sessionStorage.setItem('reset-kit:app:token', 'a')
    sessionStorage.setItem('reset-kit:other:token', 'b')
    clearCallbackToken('app')
    expect(sessionStorage.getItem('reset-kit:other:token')).toBe('b')
  })

  it('does not throw without a window', () => {
    vi.stubGlobal('window', undefined)
    expect(() => clearCallbackToken('app')).not.toThrow()
    expect(() => clearCallbackToken('app', 'token_used')).not.toThrow()
  })

  it("T7: given a terminal error's code, a reload of the same history entry reads that verdict, and the URL and the router's state stay", () => {
    window.history.replaceState({ router: 'kept' }, '', '/reset?token=abc&utm_source=mail')
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'found', token: 'abc' })

    clearCallbackToken('app', 'token_used')

    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'invalid', code: 'token_used' })
    expect(window.location.search).toBe('?utm_source=mail')
    expect(window.history.state).toMatchObject({ router: 'kept' })
    expect(readCallbackToken(makeAdapter({ id: 'other' }))).toEqual({ status: 'missing' })
    window.history.pushState(null, '', '/reset')
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'missing' })
  })

  it('T7: after success (`done`), a reload of the same history entry reads done; a new link in a new entry is found', () => {
    window.history.replaceState(null, '', '/reset?token=abc')
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'found', token: 'abc' })

    clearCallbackToken('app', 'done')

    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'done' })
    window.history.pushState(null, '', '/reset?token=fresh')
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'found', token: 'fresh' })
  })

  it("without a verdict, leaves the router's history state exactly as it was", () => {
    window.history.replaceState({ router: 'kept' }, '', '/reset')
    clearCallbackToken('app')
    expect(window.history.state).toStrictEqual({ router: 'kept' })
  })

  it("leaves a router's history state alone when it is not an object", () => {
    window.history.replaceState('router-owned', '', '/reset')
    clearCallbackToken('app', 'token_used')
    expect(window.history.state).toBe('router-owned')
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'missing' })
  })
})

describe('checkGivenToken', () => {
  it('T4: an empty token is missing', () => {
    expect(checkGivenToken('', makeAdapter())).toEqual({ status: 'missing' })
  })

  it.each([
    { label: 'an oversized token', token: 'a'.repeat(MAX_TOKEN_LENGTH + 1) },
    { label: 'a <script> token', token: '<script>' },
    { label: 'a token with a space', token: 'ab cd' },
  ])('T4: $label is invalid and not stored', ({ token }) => {
    expect(checkGivenToken(token, makeAdapter())).toEqual({ status: 'invalid', code: 'token_invalid' })
    expect(sessionStorage.length).toBe(0)
  })

  it('a token the router read before anything cleaned the address bar is taken out of it and kept for a reload', () => {
    window.history.replaceState(null, '', '/reset?token=abc&utm_source=mail')
    expect(checkGivenToken('abc', makeAdapter())).toEqual({ status: 'found', token: 'abc' })
    expect(window.location.search).toBe('?utm_source=mail')
    expect(sessionStorage.getItem(KEY)).toBe('abc')
  })

  it('a malformed token the router read from the address bar is taken out of it too, and its verdict kept for a reload', () => {
    // A mail client that wraps links in <…> can leave `>` on a real token: still a secret to keep out of the Referer.
    window.history.replaceState(null, '', '/reset?token=abc%3E&utm_source=mail')
    expect(checkGivenToken('abc>', makeAdapter())).toEqual({ status: 'invalid', code: 'token_invalid' })
    expect(window.location.search).toBe('?utm_source=mail')
    expect(sessionStorage.length).toBe(0)
    expect(readCallbackToken(makeAdapter())).toEqual({ status: 'invalid', code: 'token_invalid' })
  })

  it("a found token drops this history entry's verdict on an earlier link and keeps the router's state", () => {
    window.history.replaceState({ router: 'kept', 'reset-kit:app:link': 'token_used' }, '', '/reset')
    expect(checkGivenToken('fresh', makeAdapter())).toEqual({ status: 'found', token: 'fresh' })
    expect(window.history.state).toStrictEqual({ router: 'kept' })
  })

  it("a found token leaves a router's history entry unwritten when it holds no verdict", () => {
    window.history.replaceState({ router: 'kept' }, '', '/reset')
    const replaceState = vi.spyOn(window.history, 'replaceState')
    try {
      expect(checkGivenToken('fresh', makeAdapter())).toEqual({ status: 'found', token: 'fresh' })
      expect(replaceState).not.toHaveBeenCalled()
    } finally {
      replaceState.mockRestore()
    }
  })

  it('works without a window (server)', () => {
    vi.stubGlobal('window', undefined)
    expect(checkGivenToken('abc', makeAdapter())).toEqual({ status: 'found', token: 'abc' })
  })
})

describe('readCallbackToken callbackParams', () => {
  it("removes the adapter's spent params with the token and keeps the rest", () => {
    window.history.replaceState(null, '', '/reset?stytch_token_type=reset_password&token=tok_1&utm_source=mail#top')
    const found = readCallbackToken({ id: 'cb', tokenParams: ['token'], callbackParams: ['stytch_token_type'] })
    expect(found).toEqual({ status: 'found', token: 'tok_1' })
    expect(window.location.search).toBe('?utm_source=mail')
    expect(window.location.hash).toBe('#top')
  })

  it('removes error params even when the link carries no token', () => {
    window.history.replaceState(
      null,
      '',
      '/reset?error=access_denied&error_code=otp_expired&error_description=Link+expired',
    )
    const found = readCallbackToken({
      id: 'cb',
      tokenParams: ['code'],
      callbackParams: ['error', 'error_code', 'error_description'],
      validateCallbackParams: (params) => {
        if (params.get('error_code') === 'otp_expired') throw new ResetError('token_expired')
      },
    })
    expect(found).toEqual({ status: 'invalid', code: 'token_expired' })
    expect(window.location.search).toBe('')
  })
})

describe('readCallbackToken with a verdict or token left by an earlier link', () => {
  it("a new link drops this history entry's verdict on the earlier one and keeps the router's state", () => {
    const environment = {
      location: { href: 'https://app.example.com/reset?token=fresh' },
      history: {
        state: { key: 'kept', 'reset-kit:app:link': 'token_used' },
        replaceState: vi.fn<History['replaceState']>(),
      },
    } satisfies CallbackEnvironment
    expect(readCallbackToken(makeAdapter(), environment)).toEqual({ status: 'found', token: 'fresh' })
    expect(environment.history.replaceState).toHaveBeenCalledWith({ key: 'kept' }, '', 'https://app.example.com/reset')
  })

  it('a link that carries only a callback param forgets the token an earlier link left in this tab', () => {
    sessionStorage.setItem(KEY, 'earlier-token')
    const environment = makeEnvironment('https://app.example.com/reset?stytch_token_type=reset_password')
    const adapter = { id: 'app', tokenParams: ['token'], callbackParams: ['stytch_token_type'] }
    expect(readCallbackToken(adapter, environment)).toEqual({ status: 'missing' })
    expect(environment.history.replaceState).toHaveBeenCalledWith({ key: 'kept' }, '', 'https://app.example.com/reset')
    expect(sessionStorage.getItem(KEY)).toBeNull()
  })
})

describe('readCallbackToken on a remount', () => {
  it('an error-only link keeps its verdict when read again after its params were removed', () => {
    window.history.replaceState(null, '', '/reset?error=access_denied&error_code=otp_expired')
    const adapter = {
      id: 'again',
      tokenParams: ['code'],
      callbackParams: ['error', 'error_code'],
      validateCallbackParams: (params: URLSearchParams) => {
        if (params.get('error_code') === 'otp_expired') throw new ResetError('token_expired')
      },
    }
    expect(readCallbackToken(adapter)).toEqual({ status: 'invalid', code: 'token_expired' })
    expect(window.location.search).toBe('')
    expect(readCallbackToken(adapter)).toEqual({ status: 'invalid', code: 'token_expired' })
    // A later visit to the clean address in a new history entry has no verdict to recall.
    window.history.pushState(null, '', '/reset')
    expect(readCallbackToken(adapter)).toEqual({ status: 'missing' })
  })
})
