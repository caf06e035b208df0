import { retryDeadline } from '../../src/core/retryDeadline'

const NOW = 1_700_000_000_000
const KEY = 'reset-kit:app:retry-at'

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  sessionStorage.clear()
  localStorage.clear()
})

describe('retryDeadline', () => {
  it("R1: saves the deadline in this tab's sessionStorage only, so a reload still honours it", () => {
    retryDeadline.save('app', NOW + 60_000)
    expect(sessionStorage.getItem(KEY)).toBe(String(NOW + 60_000))
    expect(localStorage.length).toBe(0)
    expect(retryDeadline.read('app', NOW)).toBe(NOW + 60_000)
  })

  it('R1: reads a deadline only while it is in the future', () => {
    retryDeadline.save('app', NOW + 1000)
    expect(retryDeadline.read('app', NOW + 999)).toBe(NOW + 1000)
    expect(retryDeadline.read('app', NOW + 1000)).toBeUndefined()
    expect(retryDeadline.read('app', NOW + 5000)).toBeUndefined()
  })

  it('uses Date.now() when no now is given', () => {
    vi.useFakeTimers({ now: NOW })
    retryDeadline.save('app', NOW + 1000)
    expect(retryDeadline.read('app')).toBe(NOW + 1000)
    vi.setSystemTime(NOW + 1000)
    expect(retryDeadline.read('app')).toBeUndefined()
  })

  it.each([
    { label: 'nothing stored', stored: null },
    { label: 'garbage', stored: 'soon' },
    { label: 'empty text', stored: '' },
    { label: 'Infinity', stored: 'Infinity' },
    { label: 'NaN', stored: 'NaN' },
  ])('R1: reads $label as no deadline', ({ stored }) => {
    if (stored !== null) sessionStorage.setItem(KEY, stored)
    expect(retryDeadline.read('app', NOW)).toBeUndefined()
  })

  it('clear forgets the deadline', () => {
    retryDeadline.save('app', NOW + 60_000)
    retryDeadline.clear('app')
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(retryDeadline.read('app', NOW)).toBeUndefined()
  })

  it("clear forgets the reset page's wait too, which it keeps under `${id}:reset`", () => {
    retryDeadline.save('app:reset', NOW + 60_000)
    retryDeadline.save('other:reset', NOW + 60_000)
    retryDeadline.clear('app')
    expect(retryDeadline.read('app:reset', NOW)).toBeUndefined()
    expect(retryDeadline.read('other:reset', NOW)).toBe(NOW + 60_000)
  })

  it('S2: deadlines of two adapters do not collide', () => {
    retryDeadline.save('stytch', NOW + 1000)
    retryDeadline.save('http', NOW + 2000)
    retryDeadline.clear('stytch')
    expect(retryDeadline.read('stytch', NOW)).toBeUndefined()
    expect(retryDeadline.read('http', NOW)).toBe(NOW + 2000)
  })

  it('S1: never throws when storage is blocked or missing', () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError')
      },
      configurable: true,
    })
    try {
      expect(() => retryDeadline.save('app', NOW + 1000)).not.toThrow()
      expect(retryDeadline.read('app', NOW)).toBeUndefined()
      expect(() => retryDeadline.clear('app')).not.toThrow()
    } finally {
      Object.defineProperty(window, 'sessionStorage', descriptor)
    }
    vi.stubGlobal('window', undefined)
    expect(() => retryDeadline.save('app', NOW + 1000)).not.toThrow()
    expect(retryDeadline.read('app', NOW)).toBeUndefined()
  })
})
