import { readItem, removeItem, safeStorage, STORAGE_PREFIX, storageKey, writeItem } from '../../src/core/safeStorage'

const sessionDescriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!
const localDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!

afterEach(() => {
  vi.unstubAllGlobals()
  Object.defineProperty(window, 'sessionStorage', sessionDescriptor)
  Object.defineProperty(window, 'localStorage', localDescriptor)
  vi.restoreAllMocks()
  sessionStorage.clear()
  localStorage.clear()
})

describe('storageKey', () => {
  it('S2: namespaces keys by prefix, adapter and kind', () => {
    expect(STORAGE_PREFIX).toBe('reset-kit:')
    expect(storageKey('stytch', 'verifier')).toBe('reset-kit:stytch:verifier')
    expect(storageKey('stytch', 'token')).toBe('reset-kit:stytch:token')
    expect(storageKey('http', 'retry-at')).toBe('reset-kit:http:retry-at')
    expect(storageKey('stytch', 'verifier')).not.toBe(storageKey('http', 'verifier'))
  })
})

describe('safeStorage', () => {
  it('returns the window storage areas', () => {
    expect(safeStorage('session')).toBe(window.sessionStorage)
    expect(safeStorage('local')).toBe(window.localStorage)
  })

  it('S1: returns undefined when the sessionStorage getter throws a SecurityError', () => {
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError')
      },
      configurable: true,
    })
    expect(safeStorage('session')).toBeUndefined()
    expect(safeStorage('local')).toBe(window.localStorage)
  })

  it('S1: returns undefined when the localStorage getter throws a SecurityError', () => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError')
      },
      configurable: true,
    })
    expect(safeStorage('local')).toBeUndefined()
    expect(safeStorage('session')).toBe(window.sessionStorage)
  })

  it('returns undefined without a window (server)', () => {
    vi.stubGlobal('window', undefined)
    expect(safeStorage('session')).toBeUndefined()
    expect(safeStorage('local')).toBeUndefined()
  })
})

describe('readItem', () => {
  it('reads a stored value and null for a missing key', () => {
    sessionStorage.setItem('reset-kit:app:token', 'abc')
    localStorage.setItem('reset-kit:app:verifier', '{}')
    expect(readItem('session', 'reset-kit:app:token')).toBe('abc')
    expect(readItem('local', 'reset-kit:app:verifier')).toBe('{}')
    expect(readItem('local', 'reset-kit:app:token')).toBeNull()
  })

  it('S1: returns null when the getter throws', () => {
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError')
      },
      configurable: true,
    })
    expect(readItem('session', 'reset-kit:app:token')).toBeNull()
  })

  it('S1: returns null when getItem throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    expect(readItem('local', 'reset-kit:app:token')).toBeNull()
  })
})

describe('removeItem', () => {
  it('removes the key from the given area only', () => {
    sessionStorage.setItem('k', '1')
    localStorage.setItem('k', '1')
    removeItem('session', 'k')
    expect(sessionStorage.getItem('k')).toBeNull()
    expect(localStorage.getItem('k')).toBe('1')
  })

  it('S1: ignores a throwing getter and a throwing removeItem', () => {
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    expect(() => removeItem('local', 'k')).not.toThrow()
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError')
      },
      configurable: true,
    })
    expect(() => removeItem('session', 'k')).not.toThrow()
  })
})

describe('writeItem', () => {
  it('writes the value and reports true', () => {
    expect(writeItem('session', 'k', 'v')).toBe(true)
    expect(sessionStorage.getItem('k')).toBe('v')
    expect(localStorage.getItem('k')).toBeNull()
  })

  it('S1: reports false when the getter throws', () => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError')
      },
      configurable: true,
    })
    expect(writeItem('local', 'k', 'v')).toBe(false)
  })

  it('S1: reports false when setItem throws QuotaExceededError', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(writeItem('session', 'k', 'v')).toBe(false)
  })

  it('S1: reports false when setItem silently does not stick', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {})
    expect(writeItem('session', 'k', 'v')).toBe(false)
  })

  it('S1: reports false when a different value reads back', () => {
    sessionStorage.setItem('k', 'old')
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {})
    expect(writeItem('session', 'k', 'new')).toBe(false)
  })

  it('reports false without a window (server)', () => {
    vi.stubGlobal('window', undefined)
    expect(writeItem('session', 'k', 'v')).toBe(false)
  })
})
