import { parseRetryAfter } from '../../src/core/parseRetryAfter'

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)

describe('parseRetryAfter', () => {
  it.each([
    { value: '120', expected: 120 },
    { value: '0', expected: 0 },
    { value: ' 30 ', expected: 30 },
    { value: '3600', expected: 3600 },
  ])('R1: reads delta-seconds $value as $expected', ({ value, expected }) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected)
  })

  it('R1: reads an HTTP date 90 s ahead as 90', () => {
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90)
  })

  it('R1: reads an HTTP date an hour ahead as 3600', () => {
    expect(parseRetryAfter(new Date(NOW + 3_600_000).toUTCString(), NOW)).toBe(3600)
  })

  it('R1: reads the RFC 9110 example date against an injected now', () => {
    const now = Date.UTC(1994, 10, 6, 8, 48, 37)
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(60)
  })

  it.each(['America/New_York', 'Asia/Tokyo'])(
    'R1: reads all three HTTP-date forms (RFC 9110 5.6.7) as GMT, in %s too',
    (zone) => {
      const original = process.env.TZ
      process.env.TZ = zone
      try {
        // The zone took: only a process's main thread reads TZ again (vitest.config.ts runs this
        // file in a process of its own), and in UTC this test could not fail.
        expect(new Date(Date.UTC(1994, 10, 6)).getTimezoneOffset()).not.toBe(0)
        const now = Date.UTC(1994, 10, 6, 8, 48, 37)
        expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(60)
        expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(60)
        expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(60)
      } finally {
        if (original === undefined) delete process.env.TZ
        else process.env.TZ = original
      }
    },
  )

  it('R1: reads a date with a numeric offset, which RFC 9110 does not allow but some servers send, at that offset', () => {
    const now = Date.UTC(1994, 10, 6, 8, 48, 37)
    expect(parseRetryAfter('Sun, 06 Nov 1994 09:49:37 +0100', now)).toBe(60)
    expect(parseRetryAfter('Sun, 06 Nov 1994 03:49:37 -0500', now)).toBe(60)
  })

  it('R1: rounds a partial second up so the wait is never cut short', () => {
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW - 400)).toBe(91)
  })

  it('R1: reads a past HTTP date as 0', () => {
    expect(parseRetryAfter(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0)
  })

  it('R1: uses Date.now() when no now is given', () => {
    vi.useFakeTimers({ now: NOW })
    try {
      expect(parseRetryAfter(new Date(NOW + 45_000).toUTCString())).toBe(45)
    } finally {
      vi.useRealTimers()
    }
  })

  it.each([
    { label: 'garbage', value: 'soon' },
    { label: 'empty', value: '' },
    { label: 'blank', value: '   ' },
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
    { label: 'a negative number', value: '-1' },
    { label: 'a fraction', value: '1.5' },
    { label: 'a fraction and a zone (a date in 2001 to Date.parse)', value: '1.5 GMT' },
    { label: 'an exponent', value: '1e3' },
    { label: 'a number with a unit', value: '12abc' },
  ])('R1: reads $label as undefined so the caller applies its default', ({ value }) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined()
  })
})
