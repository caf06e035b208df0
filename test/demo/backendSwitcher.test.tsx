import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { adapterFor, redirectUrlFor } from '../../demo/adapter'
import { BackendSwitcher } from '../../demo/BackendSwitcher'
import { BACKEND_STORAGE_KEY, DEMO_BACKENDS } from '../../demo/backends'
import { DemoAccounts } from '../../demo/DemoAccounts'
import { adoptBackendFromUrl, setBackend, useBackend } from '../../demo/useBackend'

function Shown() {
  const [backend] = useBackend()
  return <output aria-label="Active backend">{backend}</output>
}

beforeEach(() => {
  // Releases a backend an earlier test's link pinned this tab to (kept in memory too).
  setBackend('stytch')
  window.localStorage.clear()
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

describe('BackendSwitcher', () => {
  it('offers the five backends, starts on Stytch and persists the choice', async () => {
    const user = userEvent.setup()
    render(
      <>
        <BackendSwitcher />
        <Shown />
      </>,
    )
    const select = screen.getByRole('combobox', { name: 'Backend' })
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Stytch (emulated)',
      'Stack Auth (emulated)',
      'Supabase (emulated)',
      'Better Auth (real server)',
      'Your own endpoint',
    ])
    expect(select).toHaveValue('stytch')

    await user.selectOptions(select, 'supabase')
    expect(window.localStorage.getItem(BACKEND_STORAGE_KEY)).toBe('supabase')
    expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('supabase')
  })

  it('follows a change made in another tab', () => {
    render(<Shown />)
    act(() => {
      window.localStorage.setItem(BACKEND_STORAGE_KEY, 'better-auth')
      window.dispatchEvent(new StorageEvent('storage', { key: BACKEND_STORAGE_KEY }))
    })
    expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('better-auth')
  })

  it('ignores a stored value that is not a backend', () => {
    window.localStorage.setItem(BACKEND_STORAGE_KEY, 'firebase')
    render(<Shown />)
    expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('stytch')
  })
})

describe('adoptBackendFromUrl', () => {
  it('adopts ?backend= from a reset link for this tab and removes only that param', () => {
    window.history.replaceState(null, '', '/reset?backend=stack-auth&code=abc#top')
    adoptBackendFromUrl()
    render(<Shown />)
    expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('stack-auth')
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/reset?code=abc#top')
  })

  it('leaves the shared choice alone, so the tab that asked for the link (or one mid-form) does not switch', () => {
    window.localStorage.setItem(BACKEND_STORAGE_KEY, 'supabase')
    const writes = vi.spyOn(Storage.prototype, 'setItem')
    window.history.replaceState(null, '', '/reset?backend=stack-auth&code=abc')
    adoptBackendFromUrl()
    expect(window.localStorage.getItem(BACKEND_STORAGE_KEY)).toBe('supabase')
    expect(writes.mock.contexts.filter((storage) => storage === window.localStorage)).toEqual([])
    writes.mockRestore()
  })

  it('keeps the adopted backend in a tab whose sessionStorage is off', () => {
    window.localStorage.setItem(BACKEND_STORAGE_KEY, 'supabase')
    const blocked = vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    try {
      window.history.replaceState(null, '', '/reset?backend=better-auth&token=t')
      adoptBackendFromUrl()
      render(<Shown />)
      expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('better-auth')
    } finally {
      blocked.mockRestore()
    }
  })

  it('keeps a tab opened from a link on that link’s backend when another tab switches, until this tab’s own switcher is used', async () => {
    const user = userEvent.setup()
    window.history.replaceState(null, '', '/reset?backend=stack-auth&code=abc')
    adoptBackendFromUrl()
    render(
      <>
        <BackendSwitcher />
        <Shown />
      </>,
    )
    act(() => {
      window.localStorage.setItem(BACKEND_STORAGE_KEY, 'better-auth')
      window.dispatchEvent(new StorageEvent('storage', { key: BACKEND_STORAGE_KEY }))
    })
    expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('stack-auth')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Backend' }), 'supabase')
    expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('supabase')
    act(() => {
      window.localStorage.setItem(BACKEND_STORAGE_KEY, 'stytch')
      window.dispatchEvent(new StorageEvent('storage', { key: BACKEND_STORAGE_KEY }))
    })
    expect(screen.getByRole('status', { name: 'Active backend' })).toHaveTextContent('stytch')
  })

  it('drops an unknown backend name without switching', () => {
    window.localStorage.setItem(BACKEND_STORAGE_KEY, 'supabase')
    window.history.replaceState(null, '', '/reset?backend=nope&token=t')
    adoptBackendFromUrl()
    expect(window.localStorage.getItem(BACKEND_STORAGE_KEY)).toBe('supabase')
    expect(window.location.search).toBe('?token=t')
  })
})

describe('adapterFor', () => {
  it.each([
    ['stytch', true, ['token']],
    ['stack-auth', false, ['code']],
    ['supabase', true, ['code']],
    ['better-auth', false, ['token']],
    ['http', true, ['token']],
  ] as const)('builds the %s adapter once, with PKCE %s', (backend, pkce, params) => {
    const adapter = adapterFor(backend)
    expect(adapter.id).toBe(backend)
    expect(adapter.pkce).toBe(pkce)
    expect(adapter.tokenParams).toEqual(expect.arrayContaining([...params]))
    expect(adapterFor(backend)).toBe(adapter)
  })

  it('sends every backend’s links to /reset on this origin, naming the backend', () => {
    for (const backend of DEMO_BACKENDS) {
      expect(redirectUrlFor(backend)).toBe(`${window.location.origin}/reset?backend=${backend}`)
    }
  })
})

describe('DemoAccounts', () => {
  it('lists the seeded accounts under the chosen backend’s name', () => {
    render(<DemoAccounts backend="better-auth" />)
    const table = screen.getByRole('table', { name: 'Better Auth (real server)' })
    expect(table).toHaveTextContent('ada@example.com')
    expect(table).toHaveTextContent('correct horse battery')
    expect(table).toHaveTextContent('grace@example.com')
  })
})
