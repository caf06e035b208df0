import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { startResetOptions } from '../../src/core/startResetOptions'

function makeAdapter(overrides: { id?: string; pkce?: boolean } = {}) {
  return {
    id: 'app',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
    ...overrides,
  } satisfies ResetAdapter
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

describe('startResetOptions', () => {
  it('keys the mutation by kit, step and adapter', () => {
    const options = startResetOptions({
      adapter: makeAdapter({ id: 'stytch' }),
      store: createWebStorageVerifierStore(),
      redirectUrl: 'https://app.example.com/reset',
      locale: 'en',
    })
    expect(options.mutationKey).toEqual(['reset-kit', 'start', 'stytch'])
  })

  it('runs the start flow with the configuration and the variables', async () => {
    const adapter = makeAdapter()
    const controller = new AbortController()
    const options = startResetOptions({
      adapter,
      store: createWebStorageVerifierStore(),
      redirectUrl: 'https://app.example.com/reset',
      locale: 'fr',
      expiresInMinutes: 15,
      minDurationMs: 0,
    })
    await expect(options.mutationFn({ email: ' ada@example.com ', signal: controller.signal })).resolves.toEqual({
      email: 'ada@example.com',
    })
    expect(adapter.startReset).toHaveBeenCalledWith({
      email: 'ada@example.com',
      redirectUrl: 'https://app.example.com/reset',
      locale: 'fr',
      expiresInMinutes: 15,
      signal: controller.signal,
    })
  })

  it('rejects with the flow error (invalid email) without calling the adapter', async () => {
    const adapter = makeAdapter()
    const options = startResetOptions({
      adapter,
      store: createWebStorageVerifierStore(),
      redirectUrl: 'https://app.example.com/reset',
      locale: 'en',
      minDurationMs: 0,
    })
    await expect(options.mutationFn({ email: 'user@', signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'invalid_email',
      field: 'email',
    })
    expect(adapter.startReset).not.toHaveBeenCalled()
  })
})
