import { MAX_EMAIL_LENGTH, normalizeEmail } from '../../src/core/normalizeEmail'
import { ResetError } from '../../src/core/ResetError'

// 64 + 1 + 63 + 1 + 63 + 1 + 62 = 255 characters; every part within its own limit.
const ADDRESS_255 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`
const ADDRESS_254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`

describe('normalizeEmail', () => {
  it('limits addresses to 254 characters (RFC 5321)', () => {
    expect(MAX_EMAIL_LENGTH).toBe(254)
    expect(ADDRESS_255).toHaveLength(255)
    expect(ADDRESS_254).toHaveLength(254)
  })

  it.each([
    { label: 'empty', raw: '' },
    { label: 'spaces only', raw: '   ' },
    { label: 'no domain', raw: 'user@' },
    { label: 'no local part', raw: '@x.com' },
    { label: 'no @', raw: 'user.example.com' },
    { label: 'a space in the local part', raw: 'a b@x.com' },
    { label: 'a tab in the local part', raw: 'a\tb@x.com' },
    { label: 'a dotless domain', raw: 'user@x' },
    { label: 'a 255-character address', raw: ADDRESS_255 },
    { label: 'consecutive dots in the local part', raw: 'a..b@x.com' },
    { label: 'a leading dot in the local part', raw: '.a@x.com' },
    { label: 'a trailing dot in the local part', raw: 'a.@x.com' },
    { label: 'two @', raw: 'a@b@x.com' },
    { label: 'an empty domain label', raw: 'user@x..com' },
    { label: 'a trailing dot in the domain', raw: 'user@x.com.' },
    { label: 'a label starting with a hyphen', raw: 'user@-x.com' },
    { label: 'a label ending with a hyphen', raw: 'user@x-.com' },
    { label: 'a 65-character local part', raw: `${'a'.repeat(65)}@x.com` },
    { label: 'a 64-character domain label', raw: `user@${'b'.repeat(64)}.com` },
    { label: 'angle brackets', raw: '<user@x.com>' },
    { label: 'a display name', raw: 'Ada <ada@x.com>' },
    { label: 'a domain label starting with a combining mark', raw: 'user@\u0308x.com' },
  ])('B1: rejects $label with invalid_email on the email field', ({ raw }) => {
    let caught: unknown
    try {
      normalizeEmail(raw)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ResetError)
    expect(caught).toMatchObject({ code: 'invalid_email', field: 'email' })
  })

  it.each([
    {
      label: 'plus, apostrophe and a multi-label domain',
      raw: "o'brien+tag@sub.example.co.uk",
      expected: "o'brien+tag@sub.example.co.uk",
    },
    { label: 'surrounding spaces trimmed, case kept', raw: '  Ada@Example.com  ', expected: 'Ada@Example.com' },
    { label: 'surrounding tabs and newlines trimmed', raw: '\tada@example.com\n', expected: 'ada@example.com' },
    { label: 'an internationalised domain', raw: 'user@bücher.de', expected: 'user@bücher.de' },
    { label: 'a punycode domain', raw: 'user@xn--bcher-kva.de', expected: 'user@xn--bcher-kva.de' },
    { label: 'an internationalised local part and domain', raw: '用户@例子.广告', expected: '用户@例子.广告' },
    {
      label: 'a Devanagari domain (vowel signs are combining marks)',
      raw: 'user@उदाहरण.भारत',
      expected: 'user@उदाहरण.भारत',
    },
    { label: 'a Thai domain with tone marks', raw: 'user@ตัวอย่าง.ไทย', expected: 'user@ตัวอย่าง.ไทย' },
    { label: 'a Tamil domain', raw: 'user@இந்தியா.இந்தியா', expected: 'user@இந்தியா.இந்தியா' },
    {
      label: 'a domain typed decomposed (u + combining diaeresis)',
      raw: 'user@bu\u0308cher.de',
      expected: 'user@bu\u0308cher.de',
    },
    { label: 'a 254-character address', raw: ADDRESS_254, expected: ADDRESS_254 },
    { label: 'a hyphenated domain label', raw: 'a.b@my-host.example', expected: 'a.b@my-host.example' },
    { label: 'one-character local part and labels', raw: 'a@b.c', expected: 'a@b.c' },
  ])('B1: accepts $label', ({ raw, expected }) => {
    expect(normalizeEmail(raw)).toBe(expected)
  })
})
