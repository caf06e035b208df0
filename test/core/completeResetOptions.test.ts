import { completeResetOptions } from '../../src/core/completeResetOptions'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import type { ResetAdapter } from '../../src/core/ResetAdapter'

function makeAdapter(overrides: { id?: string; pkce?: boolean } = {}) {
  return {
    id: 'app',
    pkce: true,
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

describe('completeResetOptions', () => {
  it('never retries, never pauses offline and never throws to an error boundary, whatever the QueryClient defaults', () => {
    const options = completeResetOptions({ adapter: makeAdapter(), store: createWebStorageVerifierStore() })
    expect(options).toMatchObject({ retry: false, networkMode: 'always', throwOnError: false })
    // Present, so it replaces a host's default scope.
    expect(options).toHaveProperty('scope', undefined)
  })

  it('keys the mutation by kit, step and adapter', () => {
    const options = completeResetOptions({
      adapter: makeAdapter({ id: 'http' }),
      store: createWebStorageVerifierStore(),
    })
    expect(options.mutationKey).toEqual(['reset-kit', 'complete', 'http'])
  })

  it('runs the completion flow with the token and password from the secret, and the signal', async () => {
    const adapter = makeAdapter({ pkce: false })
    const controller = new AbortController()
    const options = completeResetOptions({ adapter, store: createWebStorageVerifierStore() })
    const secret = vi.fn(() => ({ token: 'tok', password: ' as typed ' }))
    await expect(options.mutationFn({ secret, signal: controller.signal })).resolves.toBeUndefined()
    expect(secret).toHaveBeenCalledTimes(1)
    expect(adapter.completeReset).toHaveBeenCalledWith({
      token: 'tok',
      password: ' as typed ',
      signal: controller.signal,
    })
  })

  it('P7: rejects verifier_missing for a PKCE adapter with no stored verifier, sending nothing', async () => {
    const adapter = makeAdapter({ pkce: true })
    const options = completeResetOptions({ adapter, store: createWebStorageVerifierStore() })
    await expect(
      options.mutationFn({
        secret: () => ({ token: 'tok', password: 'correct horse' }),
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({
      code: 'verifier_missing',
    })
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })
})
