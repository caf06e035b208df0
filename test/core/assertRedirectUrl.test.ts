import { assertRedirectUrl } from '../../src/core/assertRedirectUrl'

describe('assertRedirectUrl', () => {
  it.each([
    { value: 'https://app.example.com/reset-password', expected: 'https://app.example.com/reset-password' },
    { value: 'https://app.example.com', expected: 'https://app.example.com/' },
    { value: 'http://localhost:5173/reset', expected: 'http://localhost:5173/reset' },
    { value: 'http://localhost:5173', expected: 'http://localhost:5173/' },
    { value: 'http://127.0.0.1/reset', expected: 'http://127.0.0.1/reset' },
    { value: 'http://[::1]:3000/reset', expected: 'http://[::1]:3000/reset' },
  ])('D1: accepts $value', ({ value, expected }) => {
    expect(assertRedirectUrl(value)).toBe(expected)
  })

  it.each([
    'http://example.com/reset',
    'http://localhost.evil.com/reset',
    'http://127.0.0.1.nip.io/reset',
    'ftp://app.example.com/reset',
    'ftp://localhost/reset',
    'ws://127.0.0.1/reset',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('D1: throws a TypeError that asks for https for %s', (value) => {
    expect(() => assertRedirectUrl(value)).toThrow(TypeError)
    expect(() => assertRedirectUrl(value)).toThrow(/https/)
    expect(() => assertRedirectUrl(value)).toThrow(/redirectUrl/)
  })

  it.each(['/reset', 'reset', '//app.example.com/reset', ''])(
    'D1: throws a TypeError that asks for an absolute URL for %j',
    (value) => {
      expect(() => assertRedirectUrl(value)).toThrow(TypeError)
      expect(() => assertRedirectUrl(value)).toThrow(/absolute/)
    },
  )

  describe('in production builds (NODE_ENV stubbed)', () => {
    afterEach(() => {
      vi.unstubAllEnvs()
    })

    it.each(['/reset', 'http://example.com/reset'])(
      'still throws for %j, with the short message that names the option',
      (value) => {
        vi.stubEnv('NODE_ENV', 'production')
        expect(() => assertRedirectUrl(value)).toThrow(TypeError)
        expect(() => assertRedirectUrl(value)).toThrow(/^reset-kit: bad redirectUrl$/)
      },
    )
  })

  it('names the option it checks in the message', () => {
    expect(() => assertRedirectUrl('http://example.com', 'signInUrl')).toThrow(/`signInUrl`/)
  })
})
