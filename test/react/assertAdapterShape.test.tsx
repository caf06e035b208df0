import { render } from '@testing-library/react'
import { Component, type ReactNode } from 'react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'
import { assertAdapterShape } from '../../src/react/assertAdapterShape'
import { createStytchAdapter } from '../../src/adapters/stytch'
import { createStackAuthAdapter } from '../../src/adapters/stack-auth'
import { createSupabaseAdapter } from '../../src/adapters/supabase'
import { createBetterAuthAdapter } from '../../src/adapters/better-auth'
import { createHttpAdapter } from '../../src/adapters/http'
import { adapterFor } from '../../demo/adapter'
import { DEMO_BACKENDS } from '../../demo/backends'

const REDIRECT_URL = 'https://app.example.com/reset'

class Catch extends Component<{ children: ReactNode; onError: (error: unknown) => void }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error)
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}

function customAdapter(): ResetAdapter {
  return {
    id: 'custom',
    pkce: false,
    tokenParams: ['token'],
    startReset: async () => {},
    completeReset: async () => {},
  }
}

/** What rendering `element` threw, or undefined when it rendered. */
function errorOf(element: ReactNode): unknown {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const onError = vi.fn()
  render(<Catch onError={onError}>{element}</Catch>)
  return onError.mock.calls[0]?.[0]
}

beforeEach(() => {
  sessionStorage.clear()
  window.history.replaceState(null, '', '/reset?token=tok_123')
})

describe('assertAdapterShape', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no id', { id: undefined }, /`id` must be a non-empty string/],
    ['an empty id', { id: '' }, /`id` must be a non-empty string/],
    ['a pkce that is not a boolean', { pkce: 'S256' }, /`pkce` must be true or false/],
    ['no tokenParams', { tokenParams: undefined }, /`tokenParams` must list the URL params/],
    ['an empty tokenParams', { tokenParams: [] }, /`tokenParams` must list the URL params/],
    ['a tokenParams of one string, not a list', { tokenParams: 'token' }, /`tokenParams` must list the URL params/],
    ['no completeReset', { completeReset: undefined }, /`startReset` and `completeReset` must be functions/],
    ['a checkToken that is not a function', { checkToken: true }, /`checkToken` must be a function, or left out/],
  ])('throws a TypeError with the fix for an adapter with %s, naming the component', (_, change, message) => {
    const adapter = { ...customAdapter(), ...change } as unknown as ResetAdapter

    const error = errorOf(<ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot" />)

    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toMatch(message)
    expect((error as TypeError).message).toMatch(/<ResetPasswordPage>/)
  })

  it('says to call the factory when given the factory itself', () => {
    const error = errorOf(
      <ForgotPasswordForm adapter={createStytchAdapter as unknown as ResetAdapter} redirectUrl={REDIRECT_URL} />,
    )

    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toMatch(/<ForgotPasswordForm>.*it is the function that makes one: call it/)
  })

  it('checks the forgot form’s adapter too', () => {
    const adapter = { ...customAdapter(), startReset: undefined } as unknown as ResetAdapter

    const error = errorOf(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} />)

    expect((error as TypeError).message).toMatch(
      /<ForgotPasswordForm>.*`startReset` and `completeReset` must be functions/,
    )
  })

  it('lets a complete custom adapter, with or without checkToken, render', () => {
    expect(errorOf(<ResetPasswordPage adapter={customAdapter()} forgotPasswordUrl="/forgot" />)).toBeUndefined()
    expect(
      errorOf(
        <ResetPasswordPage adapter={{ ...customAdapter(), checkToken: async () => {} }} forgotPasswordUrl="/forgot" />,
      ),
    ).toBeUndefined()
  })
})

describe('assertAdapterShape and the kit’s own adapters', () => {
  it.each<[string, () => ResetAdapter]>([
    ['Stytch', () => createStytchAdapter({ publicToken: 'public-token-test-0b7e5d1c-9a3f-4e2b-8c6d-1f2a3b4c5d6e' })],
    [
      'Stack Auth',
      () =>
        createStackAuthAdapter({
          projectId: '0b7e5d1c-9a3f-4e2b-8c6d-1f2a3b4c5d6e',
          publishableClientKey: 'pck_0123456789abcdef',
        }),
    ],
    [
      'Supabase',
      () => createSupabaseAdapter({ url: 'https://abcdefghijklmnop.supabase.co', anonKey: 'sb_publishable_x' }),
    ],
    ['Better Auth', () => createBetterAuthAdapter({ baseUrl: 'https://app.example.com' })],
    [
      'HTTP, with a check',
      () =>
        createHttpAdapter({
          id: 'acme',
          startUrl: 'https://app.example.com/api/start',
          completeUrl: 'https://app.example.com/api/complete',
          checkUrl: 'https://app.example.com/api/check',
        }),
    ],
    [
      'HTTP',
      () =>
        createHttpAdapter({
          id: 'acme',
          startUrl: 'https://app.example.com/api/start',
          completeUrl: 'https://app.example.com/api/complete',
        }),
    ],
    ...DEMO_BACKENDS.map((backend): [string, () => ResetAdapter] => [
      `the demo’s ${backend}`,
      () => adapterFor(backend),
    ]),
  ])('passes %s', (_, make) => {
    const adapter = make()
    expect(() => assertAdapterShape(adapter, 'ResetPasswordPage')).not.toThrow()
    expect(errorOf(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} />)).toBeUndefined()
  })
})
