import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createInstance } from 'i18next'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { useState } from 'react'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import type { VerifierStore } from '../../src/core/VerifierStore'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetKitProvider } from '../../src/react/ResetKitProvider'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'

const REDIRECT_URL = 'https://app.example.com/reset-password'
const VERIFIER_KEY = 'reset-kit:test:verifier'

function fakeAdapter(options: { pkce?: boolean } = {}) {
  return {
    id: 'test',
    pkce: options.pkce ?? false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

/** A verifier store that keeps nothing and records every call. */
function fakeStore() {
  return {
    load: vi.fn<VerifierStore['load']>(async () => undefined),
    save: vi.fn<VerifierStore['save']>(async () => {}),
    remove: vi.fn<VerifierStore['remove']>(async () => {}),
  } satisfies VerifierStore
}

const ENGLISH = { label: 'Email address', submit: 'Send reset link', sent: 'Check your email' }
const FRENCH = { label: 'Adresse e-mail', submit: 'Envoyer le lien', sent: 'Consultez vos e-mails' }
const BRAZILIAN = { label: 'E-mail', submit: 'Enviar link', sent: 'Confira seu e-mail' }

// Finds the field with `findBy…`: a locale other than English arrives in its own chunk.
async function sendLink(email = 'ada@example.com', text = ENGLISH) {
  const user = userEvent.setup()
  await user.type(await screen.findByRole('textbox', { name: text.label }), email)
  await user.click(screen.getByRole('button', { name: text.submit }))
  await screen.findByRole('heading', { name: text.sent })
}

async function hostI18n(resources: Record<string, Record<string, unknown>> = {}) {
  const host = createInstance()
  await host.init({ lng: 'de', resources: { de: { translation: { hello: 'Hallo' } }, ...resources } })
  return host
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('<ResetKitProvider>', () => {
  it('gives the components their adapter and locale', async () => {
    const adapter = fakeAdapter()
    render(
      <ResetKitProvider adapter={adapter} locale="fr-CA">
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    await sendLink('ada@example.com', FRENCH)

    expect(adapter.startReset).toHaveBeenCalledTimes(1)
    expect(adapter.startReset.mock.calls[0]![0].locale).toBe('fr')
  })

  it('gives <ResetPasswordPage> its adapter too', async () => {
    window.history.replaceState(null, '', '/reset?token=tok_123')
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(
      <ResetKitProvider adapter={adapter}>
        <ResetPasswordPage forgotPasswordUrl="/forgot-password" />
      </ResetKitProvider>,
    )

    await screen.findByRole('heading', { name: 'Choose a new password' })
    await user.type(screen.getByLabelText('New password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Confirm new password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok_123' }))
  })

  it("lets a component's own adapter and locale override the provider's", async () => {
    const shared = fakeAdapter()
    const own = fakeAdapter()
    render(
      <ResetKitProvider adapter={shared} locale="fr">
        <ForgotPasswordForm adapter={own} locale="pt-PT" redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    await sendLink('ada@example.com', BRAZILIAN)

    expect(shared.startReset).not.toHaveBeenCalled()
    expect(own.startReset).toHaveBeenCalledTimes(1)
    expect(own.startReset.mock.calls[0]![0].locale).toBe('pt-BR')
  })

  it('works with no provider at all', async () => {
    const adapter = fakeAdapter()
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await sendLink()

    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it("runs its requests in the host's QueryClient from QueryClientProvider", async () => {
    const client = new QueryClient()
    const adapter = fakeAdapter()
    render(
      <QueryClientProvider client={client}>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </QueryClientProvider>,
    )

    await sendLink()

    const mutations = client.getMutationCache().getAll()
    expect(mutations).toHaveLength(1)
    expect(mutations[0]!.options.mutationKey).toEqual(['reset-kit', 'start', 'test'])
    expect(mutations[0]!.state.status).toBe('success')
    expect(mutations[0]!.state.data).toEqual({ email: 'ada@example.com' })
  })

  it('prefers the QueryClient given to the provider', async () => {
    const outer = new QueryClient()
    const given = new QueryClient()
    render(
      <QueryClientProvider client={outer}>
        <ResetKitProvider adapter={fakeAdapter()} queryClient={given}>
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </ResetKitProvider>
      </QueryClientProvider>,
    )

    await sendLink()

    expect(given.getMutationCache().getAll()).toHaveLength(1)
    expect(outer.getMutationCache().getAll()).toHaveLength(0)
  })

  it("S2: a 'session' mode store keeps the verifier out of localStorage", async () => {
    const adapter = fakeAdapter({ pkce: true })
    render(
      <ResetKitProvider adapter={adapter} verifierStorage={createWebStorageVerifierStore({ mode: 'session' })}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    await sendLink()

    expect(sessionStorage.getItem(VERIFIER_KEY)).toContain(adapter.startReset.mock.calls[0]![0].codeChallenge)
    expect(localStorage.length).toBe(0)
  })

  it('uses a custom verifier store', async () => {
    const store = fakeStore()
    const adapter = fakeAdapter({ pkce: true })
    render(
      <ResetKitProvider adapter={adapter} verifierStorage={store}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    await sendLink()

    expect(store.save).toHaveBeenCalledTimes(1)
    expect(store.save.mock.calls[0]![0].challenge).toBe(adapter.startReset.mock.calls[0]![0].codeChallenge)
    expect(sessionStorage.length + localStorage.length).toBe(0)
  })

  it("adds its namespace to a host i18next instance without touching the host's language or resources", async () => {
    const host = await hostI18n()
    render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(host.hasResourceBundle('en', 'reset-kit')).toBe(true)
    expect(host.language).toBe('de')
    expect(host.getResourceBundle('de', 'translation')).toEqual({ hello: 'Hallo' })
    expect(host.t('hello')).toBe('Hallo')

    await sendLink()
    expect(host.language).toBe('de')
  })

  it('I1: shows whole sentences, not keys, when the host language is one the host has no kit strings for', async () => {
    const host = createInstance()
    await host.init({ lng: 'fr', resources: { fr: { translation: { hello: 'Bonjour' } } } })
    const { container } = render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    expect(container.textContent).not.toMatch(/\b(forgot|reset|errors)\.[a-z]/i)
    expect(screen.getByRole('heading', { level: 2 })).not.toBeEmptyDOMElement()
    expect(host.language).toBe('fr')
    expect(host.getResourceBundle('fr', 'translation')).toEqual({ hello: 'Bonjour' })
  })

  it('X1: renders the typed address as typed with a host instance that escapes interpolations', async () => {
    const host = await hostI18n()
    render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    await sendLink("o'brien&co@example.com")

    expect(screen.getByText(/If an account exists for o'brien&co@example\.com,/)).toBeInTheDocument()
    expect(host.options.interpolation?.escapeValue).not.toBe(false)
  })

  it("lets the host's own reset-kit strings for en win over the kit's, keeping the rest", async () => {
    const host = await hostI18n({ en: { 'reset-kit': { forgot: { title: 'Forgot your password?' } } } })
    render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    expect(screen.getByRole('heading', { name: 'Forgot your password?' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Email address' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeInTheDocument()
    expect(host.getResource('en', 'reset-kit', 'forgot.title')).toBe('Forgot your password?')
    expect(host.language).toBe('de')
  })

  it('lets host strings added after the kit loaded win too', async () => {
    const host = await hostI18n()
    const { unmount } = render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )
    unmount()

    host.addResourceBundle('en', 'reset-kit', { forgot: { submit: 'Email me a link' } }, true, true)
    render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    expect(screen.getByRole('button', { name: 'Email me a link' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
  })
})

describe('<ResetKitProvider> props that change after mount', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/reset?token=tok_123')
  })
  afterEach(() => {
    window.history.replaceState(null, '', '/')
  })

  it('an inline verifierStorage does not restart the check when the host re-renders, even in onSuccess', async () => {
    const user = userEvent.setup()
    const adapter = { ...fakeAdapter(), checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}) }
    const onError = vi.fn()
    let rerenderHost!: () => void
    function App() {
      const [done, setDone] = useState(false)
      const [, setCount] = useState(0)
      rerenderHost = () => setCount((count) => count + 1)
      return (
        <ResetKitProvider adapter={adapter} verifierStorage={createWebStorageVerifierStore({ mode: 'session' })}>
          {done ? <p>host saw success</p> : null}
          <ResetPasswordPage
            forgotPasswordUrl="/forgot"
            requireConfirmation={false}
            onSuccess={() => setDone(true)}
            onError={onError}
          />
        </ResetKitProvider>
      )
    }
    render(<App />)
    await user.type(await screen.findByLabelText('New password'), 'correct horse battery')
    act(() => rerenderHost())
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(adapter.checkToken).toHaveBeenCalledTimes(1)
    expect(screen.getByLabelText('New password')).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Change password' }))
    await screen.findByText('host saw success')
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Your password has been changed')
    expect(onError).not.toHaveBeenCalled()
  })

  it('a queryClient taken away after mount leaves the kit its own client, not a crash', async () => {
    const adapter = fakeAdapter()
    const { rerender } = render(
      <ResetKitProvider adapter={adapter} queryClient={new QueryClient()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )
    rerender(
      <ResetKitProvider adapter={adapter}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )
    await sendLink()
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it('sends through the adapter a provider is given after mount', async () => {
    const first = fakeAdapter()
    const second = fakeAdapter()
    const page = (adapter: ResetAdapter) => (
      <ResetKitProvider adapter={adapter}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>
    )
    const { rerender } = render(page(first))
    rerender(page(second))

    await sendLink()

    expect(first.startReset).not.toHaveBeenCalled()
    expect(second.startReset).toHaveBeenCalledTimes(1)
  })

  it('switches the components to the locale a provider is given after mount', async () => {
    const adapter = fakeAdapter()
    const page = (locale: string) => (
      <ResetKitProvider adapter={adapter} locale={locale}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>
    )
    const { rerender } = render(page('en'))
    expect(screen.getByRole('textbox', { name: ENGLISH.label })).toBeInTheDocument()
    rerender(page('fr'))

    await sendLink('ada@example.com', FRENCH)
  })

  it('shows the strings a provider is given after mount', () => {
    const adapter = fakeAdapter()
    const page = (title: string) => (
      <ResetKitProvider adapter={adapter} resources={{ en: { forgot: { title } } }}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>
    )
    const { rerender } = render(page('Lost your password?'))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Lost your password?')

    rerender(page('Forgot it?'))

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Forgot it?')
  })

  it('keeps the verifier in the store a provider is given after mount', async () => {
    const first = fakeStore()
    const second = fakeStore()
    const adapter = fakeAdapter({ pkce: true })
    const page = (verifierStorage: VerifierStore) => (
      <ResetKitProvider adapter={adapter} verifierStorage={verifierStorage}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>
    )
    const { rerender } = render(page(first))
    rerender(page(second))

    await sendLink()

    expect(first.save).not.toHaveBeenCalled()
    expect(second.save).toHaveBeenCalledTimes(1)
  })

  it('shows a shipped language another form already fetched on its very first render, with no English first', async () => {
    const page = () => (
      <ResetKitProvider adapter={fakeAdapter()} locale="fr">
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>
    )
    const { unmount } = render(page())
    await screen.findByRole('button', { name: FRENCH.submit })
    unmount()

    render(page())

    expect(screen.getByRole('button', { name: FRENCH.submit })).toBeInTheDocument()
  })

  it('keeps its language on screen, with no English first, when it is given another adapter', async () => {
    const page = (adapter: ResetAdapter) => (
      <ResetKitProvider
        adapter={adapter}
        locale="fr"
        resources={{ fr: { forgot: { title: 'Mot de passe oublié ?' } } }}
      >
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>
    )
    const { rerender } = render(page(fakeAdapter()))
    await screen.findByRole('button', { name: FRENCH.submit })

    rerender(page(fakeAdapter()))

    expect(screen.getByRole('button', { name: FRENCH.submit })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Mot de passe oublié ?')
  })

  it("follows the host i18next instance a provider is given after mount, with that host's strings", async () => {
    const adapter = fakeAdapter()
    const first = await hostI18n({ de: { 'reset-kit': { forgot: { title: 'Passwort vergessen?' } } } })
    const second = await hostI18n({ de: { 'reset-kit': { forgot: { title: 'Kennwort vergessen?' } } } })
    const page = (i18n: typeof first) => (
      <ResetKitProvider adapter={adapter} i18n={i18n}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>
    )
    const { rerender } = render(page(first))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Passwort vergessen?')

    rerender(page(second))

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Kennwort vergessen?')
  })

  it('takes the host i18next instance given after mount over the one it made for resources alone', async () => {
    const adapter = fakeAdapter()
    const resources = { en: { forgot: { title: 'Lost your password?' } } }
    const host = await hostI18n({ de: { 'reset-kit': { forgot: { title: 'Passwort vergessen?' } } } })
    const { rerender } = render(
      <ResetKitProvider adapter={adapter} resources={resources}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Lost your password?')

    rerender(
      <ResetKitProvider adapter={adapter} resources={resources} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Passwort vergessen?')
  })
})

describe('<ResetKitProvider> inside another', () => {
  it("keeps the outer provider's adapter when the inner one sets only the locale", async () => {
    const adapter = fakeAdapter()
    render(
      <ResetKitProvider adapter={adapter}>
        <ResetKitProvider locale="fr">
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </ResetKitProvider>
      </ResetKitProvider>,
    )

    await sendLink('ada@example.com', FRENCH)

    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it("S2: keeps the outer provider's 'session' store, so the verifier stays out of localStorage", async () => {
    const adapter = fakeAdapter({ pkce: true })
    render(
      <ResetKitProvider adapter={adapter} verifierStorage={createWebStorageVerifierStore({ mode: 'session' })}>
        <ResetKitProvider locale="en">
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </ResetKitProvider>
      </ResetKitProvider>,
    )

    await sendLink()

    expect(sessionStorage.getItem(VERIFIER_KEY)).toContain(adapter.startReset.mock.calls[0]![0].codeChallenge)
    expect(localStorage.length).toBe(0)
  })

  it("keeps the outer provider's QueryClient and host i18next instance", async () => {
    const client = new QueryClient()
    const host = await hostI18n({ de: { 'reset-kit': { forgot: { title: 'Passwort vergessen?' } } } })
    render(
      <ResetKitProvider adapter={fakeAdapter()} queryClient={client} i18n={host}>
        <ResetKitProvider locale="de">
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </ResetKitProvider>
      </ResetKitProvider>,
    )

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Passwort vergessen?')
    await sendLink()
    expect(client.getMutationCache().getAll()).toHaveLength(1)
  })

  it("keeps an inner provider's resources out of the outer provider's host i18next instance", async () => {
    const host = await hostI18n()
    render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host} locale="en">
        <section aria-label="inner">
          <ResetKitProvider resources={{ en: { forgot: { title: 'Only in here' } } }}>
            <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
          </ResetKitProvider>
        </section>
        <section aria-label="outer">
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </section>
      </ResetKitProvider>,
    )

    expect(within(screen.getByRole('region', { name: 'inner' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Only in here',
    )
    expect(within(screen.getByRole('region', { name: 'outer' })).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Reset your password',
    )
    expect(host.getResource('en', 'reset-kit', 'forgot.title')).toBe('Reset your password')
  })

  it("keeps the outer provider's strings of a language the inner one also replaces strings of", () => {
    render(
      <ResetKitProvider
        adapter={fakeAdapter()}
        locale="en"
        resources={{ en: { forgot: { title: 'Lost your password?' } } }}
      >
        <ResetKitProvider resources={{ en: { forgot: { submit: 'Email me a link' } } }}>
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </ResetKitProvider>
      </ResetKitProvider>,
    )

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Lost your password?')
    expect(screen.getByRole('button', { name: 'Email me a link' })).toBeInTheDocument()
  })

  it("lets the inner provider's own settings win, and adds its resources to the outer one's by language", async () => {
    const outer = fakeAdapter()
    const inner = { ...fakeAdapter(), startReset: vi.fn<ResetAdapter['startReset']>(async () => {}) }
    render(
      <ResetKitProvider
        adapter={outer}
        locale="fr"
        resources={{
          en: { forgot: { title: 'Lost your password?' } },
          fr: { forgot: { title: 'Mot de passe perdu ?' } },
        }}
      >
        <ResetKitProvider adapter={inner} locale="en" resources={{ fr: { forgot: { title: 'Oublié ?' } } }}>
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </ResetKitProvider>
      </ResetKitProvider>,
    )

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Lost your password?')
    await sendLink()
    expect(inner.startReset).toHaveBeenCalledTimes(1)
    expect(outer.startReset).not.toHaveBeenCalled()
  })
})
