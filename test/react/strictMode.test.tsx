import { screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError } from '../../src/core/ResetError'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'

// As in a browser: React schedules its passive effects (and Strict Mode's second mount) on a later
// task, not inside act(), so promises the first mount started settle before that second mount.
let root: Root | undefined
let actEnvironment: unknown

beforeEach(() => {
  actEnvironment = Reflect.get(globalThis, 'IS_REACT_ACT_ENVIRONMENT')
  Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', false)
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/reset?token=tok_123')
})

afterEach(async () => {
  root?.unmount()
  root = undefined
  document.body.replaceChildren()
  Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', actEnvironment)
})

function mount(adapter: ResetAdapter, onError?: (error: ResetError) => void) {
  const container = document.body.appendChild(document.createElement('div'))
  root = createRoot(container)
  root.render(
    <StrictMode>
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot-password" onError={onError} />
    </StrictMode>,
  )
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('<ResetPasswordPage> in Strict Mode, rendered as a browser does', () => {
  it('P7: a link with no verifier in this browser shows the same-browser screen, not "This link doesn\u2019t work"', async () => {
    mount({ id: 'test', pkce: true, tokenParams: ['token'], startReset: async () => {}, completeReset: async () => {} })

    expect(await screen.findByRole('heading', { name: "This link can't be used in this browser" })).toBeInTheDocument()
    // Settled: a late second mount would turn it into the missing-link screen.
    await settle()
    expect(screen.getByRole('heading', { name: "This link can't be used in this browser" })).toBeInTheDocument()
  })

  it('checks the link with the backend once, not once per Strict Mode mount', async () => {
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {})
    mount({
      id: 'test',
      pkce: false,
      tokenParams: ['token'],
      startReset: async () => {},
      completeReset: async () => {},
      checkToken,
    })

    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument()
    await settle()
    await waitFor(() => expect(checkToken).toHaveBeenCalled())
    expect(checkToken).toHaveBeenCalledTimes(1)
  })

  it('reports a link with no token to onError once', async () => {
    window.history.replaceState(null, '', '/reset')
    const onError = vi.fn()
    mount(
      { id: 'test', pkce: false, tokenParams: ['token'], startReset: async () => {}, completeReset: async () => {} },
      onError,
    )

    await screen.findByRole('heading', { name: "This link doesn't work" })
    await settle()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_missing' }))
  })

  it('T5: checks an expired link once and reports it once', async () => {
    const onError = vi.fn()
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
      throw new ResetError('token_expired')
    })
    mount(
      {
        id: 'test',
        pkce: false,
        tokenParams: ['token'],
        startReset: async () => {},
        completeReset: async () => {},
        checkToken,
      },
      onError,
    )

    await screen.findByRole('heading', { name: 'This link has expired' })
    await settle()
    expect(checkToken).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledTimes(1)
  })
})
