import { safeReturnTo } from '../../src/core/safeReturnTo'

const ORIGIN = 'https://app.example.com'
const FALLBACK = '/signed-in'

describe('safeReturnTo', () => {
  it.each([
    { value: '/account', expected: '/account' },
    { value: '/a?b=1#c', expected: '/a?b=1#c' },
    { value: '/', expected: '/' },
    { value: '/a/../b', expected: '/b' },
  ])('D2: accepts the same-origin path $value', ({ value, expected }) => {
    expect(safeReturnTo(value, FALLBACK, ORIGIN)).toBe(expected)
  })

  it.each([
    { label: 'protocol-relative', value: '//evil.com' },
    { label: 'protocol-relative with a path', value: '//evil.com/account' },
    { label: 'protocol-relative to this very host', value: '//app.example.com/account' },
    { label: 'slash-backslash', value: '/\\evil.com' },
    { label: 'double backslash', value: '\\\\evil.com' },
    { label: 'an absolute URL elsewhere', value: 'https://evil.com' },
    { label: 'an absolute URL on this origin (only paths are accepted)', value: 'https://app.example.com/x' },
    { label: 'a javascript: URL', value: 'javascript:alert(1)' },
    { label: 'a data: URL', value: 'data:text/html,<script>alert(1)</script>' },
    { label: 'a relative path without a slash', value: 'account' },
    { label: 'a tab that URL parsing would drop', value: '/\tevil' },
    { label: 'a tab between the slashes', value: '/\t/evil.com' },
    { label: 'a raw newline', value: '/\nevil' },
    { label: 'a NUL', value: '/\u0000evil' },
    { label: 'DEL', value: '/\u007fevil' },
    { label: 'a dot segment collapsing into //', value: '/..//evil.com' },
    { label: 'a single dot segment collapsing into //', value: '/.//evil.com' },
    { label: 'an encoded dot segment collapsing into //', value: '/%2e%2e//evil.com' },
    { label: 'empty', value: '' },
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
  ])('D2: falls back for $label', ({ value }) => {
    expect(safeReturnTo(value, FALLBACK, ORIGIN)).toBe(FALLBACK)
  })

  it('D2: never returns a raw CR or LF for an encoded CRLF path', () => {
    const result = safeReturnTo('/%0d%0aSet-Cookie', FALLBACK, ORIGIN)
    expect(result).not.toMatch(/[\r\n]/)
    expect(result.startsWith('/')).toBe(true)
    expect(result.startsWith('//')).toBe(false)
  })

  it('uses window.location.origin when no origin is given', () => {
    expect(safeReturnTo('/account', FALLBACK)).toBe('/account')
    expect(safeReturnTo(`${window.location.origin}/account`, FALLBACK)).toBe(FALLBACK)
  })

  it('works without a window (server)', () => {
    vi.stubGlobal('window', undefined)
    try {
      expect(safeReturnTo('/account', FALLBACK)).toBe('/account')
      expect(safeReturnTo('//evil.com', FALLBACK)).toBe(FALLBACK)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
