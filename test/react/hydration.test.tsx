import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'

function fakeAdapter() {
  return {
    id: 'test',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

let root: Root | undefined

afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.replaceChildren()
})

describe('hydrating server-rendered HTML', () => {
  it('keeps an address typed (or autofilled) before the script loaded, and sends it', async () => {
    const adapter = fakeAdapter()
    const form = (
      <ForgotPasswordForm adapter={adapter} redirectUrl="https://app.example.com/reset-password" minDurationMs={0} />
    )
    const container = document.createElement('div')
    // The server's HTML as inert markup, as in a browser before the bundle runs.
    container.append(...new DOMParser().parseFromString(renderToString(form), 'text/html').body.childNodes)
    document.body.append(container)
    const field = screen.getByLabelText<HTMLInputElement>('Email address')
    field.value = 'ada@example.com'

    await act(async () => {
      root = hydrateRoot(container, form)
    })
    expect(screen.getByLabelText('Email address')).toHaveValue('ada@example.com')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send reset link' }))

    await waitFor(() =>
      expect(adapter.startReset).toHaveBeenCalledWith(expect.objectContaining({ email: 'ada@example.com' })),
    )
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
  })
})
