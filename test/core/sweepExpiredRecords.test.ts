import { sweepExpiredRecords } from '../../src/core/sweepExpiredRecords'

const NOW = 1_700_000_000_000
const sessionDescriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!
const localDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!

function record(adapterId: string, expiresAt: number) {
  return JSON.stringify({
    v: 1,
    verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    createdAt: NOW - 60_000,
    expiresAt,
    adapterId,
  })
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  Object.defineProperty(window, 'sessionStorage', sessionDescriptor)
  Object.defineProperty(window, 'localStorage', localDescriptor)
  vi.useRealTimers()
  sessionStorage.clear()
  localStorage.clear()
})

describe('sweepExpiredRecords', () => {
  it.each(['sessionStorage', 'localStorage'] as const)(
    'S2: removes expired and corrupt verifier records in %s, leaving live ones and unrelated keys',
    (area) => {
      const storage = window[area]
      storage.setItem('reset-kit:expired:verifier', record('expired', NOW - 1))
      storage.setItem('reset-kit:boundary:verifier', record('boundary', NOW))
      storage.setItem('reset-kit:corrupt:verifier', '{"v":1,"verif')
      storage.setItem('reset-kit:null:verifier', 'null')
      storage.setItem('reset-kit:noexpiry:verifier', '{"v":1}')
      storage.setItem('reset-kit:stringexpiry:verifier', JSON.stringify({ v: 1, expiresAt: String(NOW + 60_000) }))
      storage.setItem('reset-kit:live:verifier', record('live', NOW + 1))
      storage.setItem('reset-kit:live:token', 'not-json-token')
      storage.setItem('reset-kit:live:retry-at', '0')
      storage.setItem('other-app:verifier', '{corrupt')
      storage.setItem('unrelated', 'keep me')

      expect(sweepExpiredRecords(NOW)).toBe(6)

      expect(storage.getItem('reset-kit:expired:verifier')).toBeNull()
      expect(storage.getItem('reset-kit:boundary:verifier')).toBeNull()
      expect(storage.getItem('reset-kit:corrupt:verifier')).toBeNull()
      expect(storage.getItem('reset-kit:null:verifier')).toBeNull()
      expect(storage.getItem('reset-kit:noexpiry:verifier')).toBeNull()
      expect(storage.getItem('reset-kit:stringexpiry:verifier')).toBeNull()
      expect(storage.getItem('reset-kit:live:verifier')).toBe(record('live', NOW + 1))
      expect(storage.getItem('reset-kit:live:token')).toBe('not-json-token')
      expect(storage.getItem('reset-kit:live:retry-at')).toBe('0')
      expect(storage.getItem('other-app:verifier')).toBe('{corrupt')
      expect(storage.getItem('unrelated')).toBe('keep me')
    },
  )

  it('S2: sweeps both areas in one call and counts every removal', () => {
    sessionStorage.setItem('reset-kit:a:verifier', record('a', NOW - 1))
    localStorage.setItem('reset-kit:a:verifier', record('a', NOW - 1))
    localStorage.setItem('reset-kit:b:verifier', '{')
    sessionStorage.setItem('reset-kit:c:verifier', record('c', NOW + 60_000))
    localStorage.setItem('reset-kit:c:verifier', record('c', NOW + 60_000))

    expect(sweepExpiredRecords(NOW)).toBe(3)

    expect(sessionStorage.length).toBe(1)
    expect(localStorage.length).toBe(1)
    expect(sessionStorage.getItem('reset-kit:c:verifier')).not.toBeNull()
    expect(localStorage.getItem('reset-kit:c:verifier')).not.toBeNull()
  })

  it('returns 0 and changes nothing when nothing is stale', () => {
    localStorage.setItem('reset-kit:a:verifier', record('a', NOW + 1))
    expect(sweepExpiredRecords(NOW)).toBe(0)
    expect(localStorage.getItem('reset-kit:a:verifier')).not.toBeNull()
  })

  it('uses Date.now() when no now is given', () => {
    vi.useFakeTimers({ now: NOW })
    localStorage.setItem('reset-kit:a:verifier', record('a', NOW + 1000))
    expect(sweepExpiredRecords()).toBe(0)
    vi.setSystemTime(NOW + 1000)
    expect(sweepExpiredRecords()).toBe(1)
  })

  it('S1: skips an area whose getter throws and still sweeps the other, without throwing', () => {
    localStorage.setItem('reset-kit:a:verifier', record('a', NOW - 1))
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError')
      },
      configurable: true,
    })
    expect(sweepExpiredRecords(NOW)).toBe(1)
    expect(localStorage.getItem('reset-kit:a:verifier')).toBeNull()
  })

  it('returns 0 without a window (server)', () => {
    vi.stubGlobal('window', undefined)
    expect(sweepExpiredRecords(NOW)).toBe(0)
  })
})
