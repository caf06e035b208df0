import { createBetterAuthAdapter } from '../../src/adapters/better-auth'
import { createHttpAdapter } from '../../src/adapters/http'
import { assertHttpUrl } from '../../src/adapters/shared/assertHttpUrl'
import { assertTimeoutMs } from '../../src/adapters/shared/assertTimeoutMs'
import { optionError } from '../../src/core/optionError'
import { createStackAuthAdapter } from '../../src/adapters/stack-auth'
import { createStytchAdapter } from '../../src/adapters/stytch'
import { createSupabaseAdapter } from '../../src/adapters/supabase'
import { ResetError } from '../../src/core/ResetError'

// Bundlers replace `process.env.NODE_ENV` with "production" in production builds, which drops the
// long explanations; these tests run the same source with NODE_ENV stubbed to "production" to
// prove that the checks still throw there, with a short message that names the option.

const TOKEN = 'public-token-test-5e8c1b2a-0d4f-4f6a-9c3e-7b1d2a3c4e5f'
const HTTP = { id: 'acme', startUrl: 'https://a.example', completeUrl: 'https://a.example' }
const SUPABASE = { url: 'https://x.supabase.co', anonKey: 'sb_publishable_x' }
const STACK = { projectId: 'p', publishableClientKey: 'pck_x' }

function thrown(run: () => unknown): TypeError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError)
    return error as TypeError
  }
  throw new Error('expected a TypeError')
}

describe('option mistakes in production builds', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('optionError keeps only the option name', () => {
    expect(optionError('id', process.env.NODE_ENV !== 'production' && 'reset-kit: long text').message).toBe(
      'reset-kit: bad id',
    )
  })

  it('the shared checks still throw, naming the option', () => {
    expect(thrown(() => assertTimeoutMs(0)).message).toBe('reset-kit: bad timeoutMs')
    expect(thrown(() => assertTimeoutMs('15000')).message).toBe('reset-kit: bad timeoutMs')
    expect(thrown(() => assertHttpUrl('/api/auth', 'baseUrl', false)).message).toBe('reset-kit: bad baseUrl')
    expect(thrown(() => assertHttpUrl('ftp://example.com', 'startUrl', false)).message).toBe('reset-kit: bad startUrl')
    expect(assertHttpUrl('https://app.example.com/api', 'baseUrl', false)).toBe('https://app.example.com/api')
    expect(assertTimeoutMs(15_000)).toBe(15_000)
  })

  it.each<[string, () => unknown]>([
    ['options', () => createStytchAdapter(null as never)],
    ['publicToken or baseUrl', () => createStytchAdapter({} as never)],
    [
      'publicToken or baseUrl',
      () => createStytchAdapter({ publicToken: TOKEN, baseUrl: 'https://app.example.com' } as never),
    ],
    ['publicToken', () => createStytchAdapter({ publicToken: 'pk_test_123' })],
    ['apiBaseUrl', () => createStytchAdapter({ publicToken: TOKEN, apiBaseUrl: '/stytch' })],
    ['baseUrl', () => createStytchAdapter({ baseUrl: 'app.example.com/api/auth' })],
    ['id', () => createStytchAdapter({ publicToken: TOKEN, id: '' })],
    ['expiresInMinutes', () => createStytchAdapter({ publicToken: TOKEN, expiresInMinutes: 4 })],
    ['loginRedirectUrl', () => createStytchAdapter({ publicToken: TOKEN, loginRedirectUrl: '/login' })],
    ['timeoutMs', () => createStytchAdapter({ publicToken: TOKEN, timeoutMs: -1 })],
    ['templateId', () => createStytchAdapter({ publicToken: TOKEN, templateId: '' })],
    ['id', () => createHttpAdapter({ id: '', startUrl: 'https://a.example', completeUrl: 'https://a.example' })],
    ['startUrl', () => createHttpAdapter({ id: 'acme', startUrl: '//start', completeUrl: 'https://a.example' })],
    ['options', () => createHttpAdapter(null as never)],
    ['tokenParams', () => createHttpAdapter({ ...HTTP, tokenParams: [] as never })],
    ['pkce', () => createHttpAdapter({ ...HTTP, pkce: 'yes' as never })],
    ['headers', () => createHttpAdapter({ ...HTTP, headers: 'X-CSRF-Token: abc' as never })],
    ['projectId', () => createStackAuthAdapter({ projectId: '', publishableClientKey: 'pck_x' })],
    ['options', () => createStackAuthAdapter(null as never)],
    ['publishableClientKey', () => createStackAuthAdapter({ ...STACK, publishableClientKey: 'ssk_x' })],
    ['publishableClientKey', () => createStackAuthAdapter({ ...STACK, publishableClientKey: '' })],
    ['baseUrl', () => createStackAuthAdapter({ ...STACK, baseUrl: 'https://api.stack-auth.com/api/v1' })],
    ['url', () => createSupabaseAdapter({ url: 'https://x.supabase.co/auth/v1', anonKey: 'sb_publishable_x' })],
    ['options', () => createSupabaseAdapter(null as never)],
    ['anonKey', () => createSupabaseAdapter({ ...SUPABASE, anonKey: 'sb_secret_x' })],
    ['anonKey', () => createSupabaseAdapter({ ...SUPABASE, anonKey: '' })],
    ['keepSession', () => createSupabaseAdapter({ ...SUPABASE, keepSession: 'yes' as never })],
    ['onSession', () => createSupabaseAdapter({ ...SUPABASE, keepSession: true, onSession: 'no' as never })],
    ['onSession', () => createSupabaseAdapter({ ...SUPABASE, keepSession: true })],
    ['onSession', () => createSupabaseAdapter({ ...SUPABASE, onSession: () => {} })],
    ['minPasswordLength', () => createBetterAuthAdapter({ baseUrl: 'https://a.example', minPasswordLength: 0 })],
    [
      'minPasswordLength',
      () => createBetterAuthAdapter({ baseUrl: 'https://a.example', minPasswordLength: 20, maxPasswordLength: 10 }),
    ],
    ['options', () => createBetterAuthAdapter(null as never)],
    ['basePath', () => createBetterAuthAdapter({ baseUrl: 'https://a.example', basePath: 'api/auth' })],
    ['baseUrl', () => createBetterAuthAdapter({ baseUrl: 'https://a.example/api/auth' })],
  ])('createXAdapter: bad %s', (name, run) => {
    expect(thrown(run).message).toBe(`reset-kit: bad ${name}`)
  })

  it('never echoes a Stytch project secret given as the public token', () => {
    const secret = 'secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=='
    const error = thrown(() => createStytchAdapter({ publicToken: secret }))
    expect(error.message).toBe('reset-kit: bad publicToken')
    expect(error.message).not.toContain(secret)
  })

  it.each([
    ['Stytch', () => createStytchAdapter({ publicToken: TOKEN })],
    ['HTTP', () => createHttpAdapter(HTTP)],
    ['Supabase', () => createSupabaseAdapter(SUPABASE)],
  ])('%s: rejects a call without a PKCE challenge as misconfigured, with a short cause', async (_name, create) => {
    const adapter = create()
    const error: unknown = await adapter
      .startReset({
        email: 'a@example.com',
        redirectUrl: 'https://app.example.com/reset-password',
        locale: 'en',
        signal: new AbortController().signal,
      })
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ResetError)
    expect((error as ResetError).code).toBe('misconfigured')
    expect((error as ResetError).cause).toBeInstanceOf(TypeError)
    expect(((error as ResetError).cause as TypeError).message).toBe('reset-kit: bad codeChallenge')
  })
})

describe('option mistakes in development and tests', () => {
  it('keep the full explanation', () => {
    expect(process.env.NODE_ENV).not.toBe('production')
    expect(thrown(() => assertTimeoutMs(0)).message).toBe(
      'reset-kit: `timeoutMs` must be a positive number of milliseconds, such as 15000; got 0.',
    )
    expect(thrown(() => createStytchAdapter({ baseUrl: 'api/auth' })).message).toBe(
      'reset-kit: `baseUrl` must be a path on this site or an absolute http(s) URL such as "https://app.example.com/api/auth"; got "api/auth".',
    )
  })
})
