import { render } from '@testing-library/react'
import { Component, type ReactNode } from 'react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'

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
