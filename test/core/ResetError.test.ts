import { isResetError, ResetError, toResetError } from '../../src/core/ResetError'

describe('ResetError', () => {
  it('carries code, field, retryAfterSeconds, details and cause', () => {
    const cause = { error_message: 'Too many requests from 1.2.3.4' }
    const error = new ResetError('rate_limited', {
      field: 'email',
      retryAfterSeconds: 42,
      details: { minLength: 8 },
      cause,
    })
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(ResetError)
    expect(error.name).toBe('ResetError')
    expect(error.code).toBe('rate_limited')
    expect(error.field).toBe('email')
    expect(error.retryAfterSeconds).toBe(42)
    expect(error.details).toEqual({ minLength: 8 })
    expect(error.cause).toBe(cause)
  })

  it('leaves the options undefined when none are given', () => {
    const error = new ResetError('network')
    expect(error.field).toBeUndefined()
    expect(error.retryAfterSeconds).toBeUndefined()
    expect(error.details).toBeUndefined()
    expect('cause' in error).toBe(false)
  })

  it.each([
    ['invalid_email', 'email'],
    ['password_mismatch', 'confirmPassword'],
    ['password_too_short', 'password'],
    ['password_weak', 'password'],
    ['password_reused', 'password'],
    ['token_expired', undefined],
    ['rate_limited', undefined],
  ] as const)('gives %s the field %s when none is given, so any adapter’s error lands on its field', (code, field) => {
    expect(new ResetError(code).field).toBe(field)
  })

  it('keeps a field that is given, whatever the code', () => {
    expect(new ResetError('password_weak', { field: 'confirmPassword' }).field).toBe('confirmPassword')
  })

  it.each([NaN, -5])('drops a retryAfterSeconds of %s, so the default wait applies', (seconds) => {
    expect(new ResetError('rate_limited', { retryAfterSeconds: seconds }).retryAfterSeconds).toBeUndefined()
  })

  it('keeps a retryAfterSeconds of 0', () => {
    expect(new ResetError('rate_limited', { retryAfterSeconds: 0 }).retryAfterSeconds).toBe(0)
  })

  it('uses the code as its message, never a backend message', () => {
    const error = new ResetError('server', { cause: new Error('SQL error: user ada@example.com not found') })
    expect(error.message).toBe('server')
    expect(String(error)).toBe('ResetError: server')
    expect(error.message).not.toContain('ada@example.com')
  })
})

describe('isResetError', () => {
  it('is true for a ResetError', () => {
    expect(isResetError(new ResetError('timeout'))).toBe(true)
  })

  it('is true for a ResetError from another copy of the kit (name and code, not the same class)', () => {
    class CopiedResetError extends Error {
      override name = 'ResetError'
      code = 'token_used'
    }
    const plain = Object.assign(new Error('token_used'), { name: 'ResetError', code: 'token_used' })
    expect(isResetError(new CopiedResetError())).toBe(true)
    expect(isResetError(plain)).toBe(true)
  })

  it.each([
    { label: 'a plain Error', value: new Error('token_used') },
    { label: 'an Error named ResetError without a code', value: Object.assign(new Error('x'), { name: 'ResetError' }) },
    {
      label: 'an Error named ResetError with a numeric code',
      value: Object.assign(new Error('x'), { name: 'ResetError', code: 429 }),
    },
    { label: 'an Error with a code but another name', value: Object.assign(new Error('x'), { code: 'network' }) },
    { label: 'a plain object shaped like one', value: { name: 'ResetError', code: 'network', message: 'network' } },
    { label: 'a string', value: 'ResetError' },
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
    { label: 'null (a throw null)', value: null },
  ])('is false for $label', ({ value }) => {
    expect(isResetError(value)).toBe(false)
  })
})

describe('toResetError', () => {
  it('returns a ResetError unchanged', () => {
    const error = new ResetError('token_expired')
    expect(toResetError(error)).toBe(error)
  })

  it('returns a ResetError from another copy unchanged', () => {
    const copy = Object.assign(new Error('token_used'), { name: 'ResetError', code: 'token_used' })
    expect(toResetError(copy)).toBe(copy)
  })

  it.each([
    { label: 'an Error', value: new Error('boom') },
    { label: 'a TypeError', value: new TypeError('x is not a function') },
    { label: 'a string', value: 'boom' },
    { label: 'an object', value: { status: 500 } },
    { label: 'undefined', value: undefined },
    { label: 'null (a throw null)', value: null },
    { label: 'an AbortError DOMException', value: new DOMException('aborted', 'AbortError') },
  ])('wraps $label as unknown with the original as cause', ({ value }) => {
    const error = toResetError(value)
    expect(error).toBeInstanceOf(ResetError)
    expect(error.code).toBe('unknown')
    expect(error.message).toBe('unknown')
    expect(error.cause).toBe(value)
  })

  it('maps a TimeoutError DOMException to timeout', () => {
    const timeout = new DOMException('The operation timed out.', 'TimeoutError')
    const error = toResetError(timeout)
    expect(error.code).toBe('timeout')
    expect(error.cause).toBe(timeout)
  })

  it('maps the reason of AbortSignal.timeout to timeout (whichever realm made the DOMException)', async () => {
    const signal = AbortSignal.timeout(1)
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
    expect(toResetError(signal.reason).code).toBe('timeout')
  })
})
