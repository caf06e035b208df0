import { isVerifierRecord, parseVerifierRecord } from '../../src/core/isVerifierRecord'

const NOW = 1_700_000_000_000
const RECORD = {
  v: 1,
  verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  createdAt: NOW - 1000,
  expiresAt: NOW + 60_000,
  adapterId: 'app',
}

describe('isVerifierRecord', () => {
  it('accepts a well-formed, live record of the adapter', () => {
    expect(isVerifierRecord(RECORD, 'app', NOW)).toBe(true)
  })

  it.each([
    { label: 'the shortest verifier (43)', verifier: 'a'.repeat(43) },
    { label: 'the longest verifier (128)', verifier: 'a'.repeat(128) },
    { label: 'every unreserved character', verifier: `${'a'.repeat(39)}._~-` },
  ])('accepts $label', ({ verifier }) => {
    expect(isVerifierRecord({ ...RECORD, verifier }, 'app', NOW)).toBe(true)
  })

  it('accepts createdAt equal to now', () => {
    expect(isVerifierRecord({ ...RECORD, createdAt: NOW }, 'app', NOW)).toBe(true)
  })

  it('accepts a createdAt ahead of now: the clock was set back since the record was made', () => {
    expect(isVerifierRecord({ ...RECORD, createdAt: NOW + 30_000 }, 'app', NOW)).toBe(true)
  })

  it.each([
    { label: 'undefined', value: undefined },
    { label: 'null', value: null },
    { label: 'a string', value: JSON.stringify(RECORD) },
    { label: 'an array', value: [RECORD] },
    { label: 'another version', value: { ...RECORD, v: 2 } },
    { label: 'a missing version', value: { ...RECORD, v: undefined } },
    { label: 'another adapter', value: { ...RECORD, adapterId: 'other' } },
    { label: 'a 42-character verifier', value: { ...RECORD, verifier: 'a'.repeat(42) } },
    { label: 'a 129-character verifier', value: { ...RECORD, verifier: 'a'.repeat(129) } },
    { label: 'a verifier with +', value: { ...RECORD, verifier: `${'a'.repeat(42)}+` } },
    { label: 'a verifier with /', value: { ...RECORD, verifier: `${'a'.repeat(42)}/` } },
    { label: 'a verifier with a space', value: { ...RECORD, verifier: `${'a'.repeat(42)} ` } },
    { label: 'a numeric verifier', value: { ...RECORD, verifier: 1234 } },
    { label: 'a verifier in an array', value: { ...RECORD, verifier: [RECORD.verifier] } },
    { label: 'a 42-character challenge', value: { ...RECORD, challenge: 'a'.repeat(42) } },
    { label: 'a 44-character challenge', value: { ...RECORD, challenge: 'a'.repeat(44) } },
    { label: 'a padded challenge', value: { ...RECORD, challenge: `${'a'.repeat(42)}=` } },
    { label: 'a challenge with .', value: { ...RECORD, challenge: `${'a'.repeat(42)}.` } },
    { label: 'a challenge in an array', value: { ...RECORD, challenge: [RECORD.challenge] } },
    { label: 'a string createdAt', value: { ...RECORD, createdAt: String(NOW) } },
    { label: 'a string expiresAt', value: { ...RECORD, expiresAt: String(NOW + 60_000) } },
    { label: 'expiresAt equal to now', value: { ...RECORD, expiresAt: NOW } },
    { label: 'an expiresAt in the past', value: { ...RECORD, expiresAt: NOW - 1 } },
  ])('P9: rejects $label', ({ value }) => {
    expect(isVerifierRecord(value, 'app', NOW)).toBe(false)
  })

  it('uses Date.now() when no now is given', () => {
    vi.useFakeTimers({ now: NOW })
    try {
      expect(isVerifierRecord(RECORD, 'app')).toBe(true)
      vi.setSystemTime(RECORD.expiresAt)
      expect(isVerifierRecord(RECORD, 'app')).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('parseVerifierRecord', () => {
  it('parses a stored record', () => {
    expect(parseVerifierRecord(JSON.stringify(RECORD), 'app', NOW)).toEqual(RECORD)
  })

  it.each([
    { label: 'null (no item)', text: null },
    { label: 'empty text', text: '' },
    { label: 'corrupt JSON', text: '{not json' },
    { label: 'truncated JSON', text: JSON.stringify(RECORD).slice(0, 40) },
    { label: 'JSON null', text: 'null' },
    { label: 'a JSON number', text: '42' },
    { label: 'a record of another adapter', text: JSON.stringify({ ...RECORD, adapterId: 'other' }) },
    { label: 'an expired record', text: JSON.stringify({ ...RECORD, expiresAt: NOW - 1 }) },
  ])('P9: returns undefined for $label without throwing', ({ text }) => {
    expect(parseVerifierRecord(text, 'app', NOW)).toBeUndefined()
  })
})
