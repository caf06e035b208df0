import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { OUTBOX_URL, OutboxPage } from '../../demo/OutboxPage'
import type { OutboxEmail } from '../../demo/emulator'

const LINK = 'http://127.0.0.1:5173/reset?stytch_token_type=reset_password&token=abc%3D'

const EMAILS: OutboxEmail[] = [
  {
    id: 'b',
    backend: 'stytch',
    to: 'grace@example.com',
    subject: 'Redefina sua senha',
    locale: 'pt-br',
    link: `${LINK}&n=2`,
    createdAt: '2030-01-01T00:01:00.000Z',
  },
  {
    id: 'a',
    backend: 'supabase',
    to: 'ada@example.com',
    subject: 'Reset your password',
    locale: 'en',
    link: LINK,
    createdAt: '2030-01-01T00:00:00.000Z',
  },
]

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('OutboxPage', () => {
  it('lists each email with recipient, subject, time and a link that opens a new tab', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(EMAILS))
    render(<OutboxPage pollIntervalMs={60_000} />)

    const list = await screen.findByRole('list', { name: 'Emails, newest first' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)

    const newest = within(items[0] as HTMLElement)
    expect(newest.getByRole('heading', { name: 'Redefina sua senha' })).toBeInTheDocument()
    expect(newest.getByText('grace@example.com')).toBeInTheDocument()
    expect(newest.getByText('pt-br')).toBeInTheDocument()
    expect(newest.getByText('Stytch (emulated)')).toBeInTheDocument()
    expect(within(items[1] as HTMLElement).getByText('Supabase (emulated)')).toBeInTheDocument()
    expect(items[0]?.querySelector('time')).toHaveAttribute('datetime', '2030-01-01T00:01:00.000Z')

    const link = within(items[1] as HTMLElement).getByRole('link', { name: 'Open reset link' })
    expect(link).toHaveAttribute('href', LINK)
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener')
    expect(screen.getByRole('status')).toHaveTextContent('2 emails')
    expect(fetch).toHaveBeenCalledWith(OUTBOX_URL, expect.objectContaining({ cache: 'no-store' }))
  })

  it('says so when the outbox is empty', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse([]))
    render(<OutboxPage pollIntervalMs={60_000} />)
    expect(await screen.findByText(/No emails yet/)).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('0 emails')
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
  })

  it('clears the outbox with DELETE and shows the emptied list', async () => {
    const user = userEvent.setup()
    let emails: OutboxEmail[] = EMAILS
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      if (init?.method === 'DELETE') {
        emails = []
        return new Response(null, { status: 204 })
      }
      return jsonResponse(emails)
    })
    render(<OutboxPage pollIntervalMs={60_000} />)
    await screen.findAllByRole('link', { name: 'Open reset link' })

    await user.click(screen.getByRole('button', { name: 'Clear outbox' }))

    expect(await screen.findByText(/No emails yet/)).toBeInTheDocument()
    expect(fetchMock).toHaveBeenCalledWith(OUTBOX_URL, expect.objectContaining({ method: 'DELETE' }))
  })

  it('fetches again on Refresh', async () => {
    const user = userEvent.setup()
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(jsonResponse([]))
      .mockResolvedValueOnce(jsonResponse(EMAILS))
    render(<OutboxPage pollIntervalMs={60_000} />)
    await screen.findByText(/No emails yet/)

    await user.click(screen.getByRole('button', { name: 'Refresh' }))

    expect(await screen.findAllByRole('link', { name: 'Open reset link' })).toHaveLength(2)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('polls on its interval', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => jsonResponse([]))
      render(<OutboxPage pollIntervalMs={2000} />)
      await screen.findByText(/No emails yet/)
      const before = fetchMock.mock.calls.length
      await act(() => vi.advanceTimersByTimeAsync(4000))
      expect(fetchMock.mock.calls.length).toBeGreaterThanOrEqual(before + 2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('reports an emulator it cannot reach', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'))
    render(<OutboxPage pollIntervalMs={60_000} />)
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the emulator')
  })
})
