import { ResetError } from '../../src/core/ResetError'
import { base64UrlEncode, computeChallenge, createPkcePair } from '../../src/core/pkce'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('base64UrlEncode', () => {
  it.each([
    { bytes: [], expected: '' },
    { bytes: [0xfb, 0xff], expected: '-_8' },
    { bytes: [0xf8], expected: '-A' },
    { bytes: [0x66, 0x6f, 0x6f], expected: 'Zm9v' },
    { bytes: [0x66, 0x6f, 0x6f, 0x62], expected: 'Zm9vYg' },
  ])('encodes $bytes as $expected (url alphabet, no padding)', ({ bytes, expected }) => {
    expect(base64UrlEncode(new Uint8Array(bytes))).toBe(expected)
  })
})

describe('computeChallenge', () => {
  it('P1: RFC 7636 Appendix B verifier gives the published S256 challenge', async () => {
    await expect(computeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    )
  })

  it('P1: "A" x 43 gives its known S256 challenge', async () => {
    await expect(computeChallenge('A'.repeat(43))).resolves.toBe('DwBzhbb51LfusnSGBa_hqYSgo7-j8BTQnip4TOnlzRo')
  })

  it('P3: rejects with insecure_context when crypto.subtle is missing (no plain fallback)', async () => {
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(array: T) => array })
    const error = await computeChallenge('A'.repeat(43)).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'insecure_context' })
  })
})

describe('createPkcePair', () => {
  it('P2: 1,000 verifiers are RFC 7636 shaped, 43 chars, distinct, and Math.random is never called', async () => {
    const random = vi.spyOn(Math, 'random')
    const pairs = await Promise.all(Array.from({ length: 1000 }, () => createPkcePair()))
    const verifiers = pairs.map((pair) => pair.verifier)
    for (const verifier of verifiers) {
      expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/)
      expect(verifier).toHaveLength(43)
    }
    expect(new Set(verifiers).size).toBe(1000)
    expect(random).not.toHaveBeenCalled()
  })

  it('P2: draws the verifier from 32 bytes of crypto.getRandomValues', async () => {
    const getRandomValues = vi.spyOn(globalThis.crypto, 'getRandomValues')
    await createPkcePair()
    expect(getRandomValues).toHaveBeenCalledTimes(1)
    const [array] = getRandomValues.mock.calls[0]!
    expect(array).toBeInstanceOf(Uint8Array)
    expect((array as Uint8Array).byteLength).toBe(32)
  })

  it('P2: the verifier is base64url of exactly the random bytes', async () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, index) => index * 7)
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      ;(array as Uint8Array).set(bytes)
      return array
    })
    const pair = await createPkcePair()
    expect(pair.verifier).toBe(base64UrlEncode(bytes))
  })

  it('P1: the challenge is the S256 of the verifier, never the verifier itself (no plain)', async () => {
    const pair = await createPkcePair()
    expect(pair.challenge).not.toBe(pair.verifier)
    expect(pair.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
    await expect(computeChallenge(pair.verifier)).resolves.toBe(pair.challenge)
  })

  it('P3: rejects with insecure_context when crypto.subtle is missing, without drawing randomness', async () => {
    const getRandomValues = vi.fn(<T extends ArrayBufferView>(array: T) => array)
    vi.stubGlobal('crypto', { getRandomValues })
    await expect(createPkcePair()).rejects.toMatchObject({ name: 'ResetError', code: 'insecure_context' })
    expect(getRandomValues).not.toHaveBeenCalled()
  })

  it('P3: rejects with insecure_context when crypto itself is missing', async () => {
    vi.stubGlobal('crypto', undefined)
    await expect(createPkcePair()).rejects.toMatchObject({ name: 'ResetError', code: 'insecure_context' })
  })

  it('P3: rejects with insecure_context when getRandomValues is missing', async () => {
    vi.stubGlobal('crypto', { subtle: globalThis.crypto.subtle })
    await expect(createPkcePair()).rejects.toMatchObject({ name: 'ResetError', code: 'insecure_context' })
  })
})
