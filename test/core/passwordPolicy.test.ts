import { checkPassword, countCodePoints, DEFAULT_MIN_PASSWORD_LENGTH } from '../../src/core/passwordPolicy'
import { ResetError } from '../../src/core/ResetError'

describe('countCodePoints', () => {
  it.each([
    { value: '', expected: 0 },
    { value: 'password', expected: 8 },
    { value: '😀', expected: 1 },
    { value: '😀'.repeat(8), expected: 8 },
    { value: 'é', expected: 1 },
    { value: 'e\u0301', expected: 2 },
    { value: '𝒜b', expected: 2 },
  ])('B2: counts $value as $expected code points', ({ value, expected }) => {
    expect(countCodePoints(value)).toBe(expected)
  })
})

describe('checkPassword', () => {
  it('defaults the minimum to 8', () => {
    expect(DEFAULT_MIN_PASSWORD_LENGTH).toBe(8)
    expect(checkPassword('1234567')).toMatchObject({ code: 'password_too_short', details: { minLength: 8 } })
    expect(checkPassword('12345678')).toBeUndefined()
  })

  it('B2: eight emoji are 8 code points and pass minLength 8', () => {
    const password = '😀'.repeat(8)
    expect(password.length).toBe(16)
    expect(checkPassword(password, { minLength: 8 })).toBeUndefined()
  })

  it('B2: seven emoji fail minLength 8 even though they are 14 UTF-16 units', () => {
    const error = checkPassword('😀'.repeat(7), { minLength: 8 })
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'password_too_short', field: 'password', details: { minLength: 8 } })
  })

  it('B2: honours a custom minLength in the error details', () => {
    expect(checkPassword('a'.repeat(11), { minLength: 12 })).toMatchObject({ details: { minLength: 12 } })
    expect(checkPassword('a'.repeat(12), { minLength: 12 })).toBeUndefined()
  })

  it.each([64, 128])('B2: accepts %i characters with no maxLength', (length) => {
    expect(checkPassword('x'.repeat(length))).toBeUndefined()
  })

  it('B2: accepts exactly maxLength and rejects one more with details, never truncating', () => {
    expect(checkPassword('x'.repeat(70), { maxLength: 70 })).toBeUndefined()
    const error = checkPassword('x'.repeat(71), { maxLength: 70 })
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'password_too_long', field: 'password', details: { maxLength: 70 } })
  })

  it('B2: maxLength counts code points too', () => {
    expect(checkPassword('😀'.repeat(10), { maxLength: 10 })).toBeUndefined()
    expect(checkPassword('😀'.repeat(11), { maxLength: 10 })).toMatchObject({ code: 'password_too_long' })
  })

  it('B2: nothing is trimmed: eight spaces pass and padded short passwords are counted with their spaces', () => {
    expect(checkPassword(' '.repeat(8))).toBeUndefined()
    expect(checkPassword('  abcd  ')).toBeUndefined()
    expect(checkPassword(' abcde ')).toMatchObject({ code: 'password_too_short' })
  })

  it.each(['aaaaaaaa', '12345678', 'password', 'ALLUPPERCASE'])(
    'B2: has no composition rules (%s passes)',
    (password) => {
      expect(checkPassword(password)).toBeUndefined()
    },
  )

  it('reports too short before too long when both limits are odd', () => {
    expect(checkPassword('abc', { minLength: 8, maxLength: 2 })).toMatchObject({ code: 'password_too_short' })
  })
})
