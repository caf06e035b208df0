import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createInstance } from 'i18next'
import { useEffect, useState } from 'react'
import en from '../../locales/en/reset-kit.json'
import es from '../../locales/es/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import ptBR from '../../locales/pt-BR/reset-kit.json'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError, type ResetErrorCode } from '../../src/core/ResetError'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import { createPkcePair } from '../../src/core/pkce'
import { loadLocale } from '../../src/i18n/loadLocale'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetKitProvider } from '../../src/react/ResetKitProvider'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'
import type { ResetKitMessageOverrides } from '../../src/react/useResetKitSetup'

const REDIRECT_URL = 'https://app.example.com/reset-password'
const LOCALES = { es, fr, 'pt-BR': ptBR } as const
type Messages = typeof en

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Object.values(value as Record<string, unknown>).flatMap(leaves)
}
// English sentences long enough that finding one on a translated screen means a string was missed.
const ENGLISH = leaves(en).filter((text) => text.replace(/\{\{\w+\}\}/g, '').length > 12)

function expectFullyTranslated(container: HTMLElement) {
  const text = container.textContent ?? ''
  expect(text).not.toMatch(/\b(forgot|reset|errors)\.[A-Za-z_.]+/)
  for (const sentence of ENGLISH) expect(text).not.toContain(sentence.split('{{')[0]!.trim())
  for (const element of container.querySelectorAll('[aria-label]')) {
    expect(element.getAttribute('aria-label')).not.toMatch(/\b(forgot|reset|errors)\./)
  }
}

function fakeAdapter(overrides: Partial<ResetAdapter> = {}) {
  return {
    id: 'i18n',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
    ...overrides,
  } satisfies ResetAdapter
}

/** A host i18next instance in `lng` with no strings of its own, kit or otherwise. */
async function emptyHost(lng = 'en') {
  const host = createInstance()
  await host.init({ lng, resources: {} })
  return host
}

const failing = (code: ResetErrorCode, options: ConstructorParameters<typeof ResetError>[1] = {}) =>
  vi.fn(async () => {
    throw new ResetError(code, options)
  })

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

describe.each(Object.entries(LOCALES))('every state in %s', (locale, messages: Messages) => {
  async function sendFrom(adapter: ResetAdapter, email = 'ada@example.com') {
    const user = userEvent.setup()
    const view = render(
      <ForgotPasswordForm
        adapter={adapter}
        locale={locale}
        redirectUrl={REDIRECT_URL}
        minDurationMs={0}
        expiresInMinutes={30}
      />,
    )
    await user.type(await screen.findByRole('textbox', { name: messages.forgot.emailLabel }), email)
    await user.click(screen.getByRole('button', { name: messages.forgot.submit }))
    return view
  }

  it('forgot: idle', async () => {
    const { container } = render(
      <ForgotPasswordForm adapter={fakeAdapter()} locale={locale} redirectUrl={REDIRECT_URL} />,
    )
    await screen.findByRole('heading', { name: messages.forgot.title })
    expectFullyTranslated(container)
  })

  it('forgot: field error', async () => {
    const { container } = await sendFrom(fakeAdapter(), 'not-an-email')
    await screen.findByText(messages.errors.invalid_email)
    expectFullyTranslated(container)
  })

  it('forgot: sent with cooldown', async () => {
    const { container } = await sendFrom(fakeAdapter())
    await screen.findByRole('heading', { name: messages.forgot.sentTitle })
    expectFullyTranslated(container)
  })

  it.each<ResetErrorCode>(['rate_limited', 'network', 'server', 'redirect_not_allowed', 'storage_unavailable'])(
    'forgot: %s',
    async (code) => {
      const { container } = await sendFrom(fakeAdapter({ startReset: failing(code, { retryAfterSeconds: 90 }) }))
      await waitFor(() => expect(screen.getByRole('alert')).not.toBeEmptyDOMElement())
      expectFullyTranslated(container)
    },
  )

  async function openReset(adapter: ResetAdapter, url = '/reset?token=tok_123') {
    window.history.replaceState(null, '', url)
    return render(<ResetPasswordPage adapter={adapter} locale={locale} forgotPasswordUrl="/forgot" />)
  }

  it('reset: ready, then too short and mismatch', async () => {
    const user = userEvent.setup()
    const { container } = await openReset(fakeAdapter())
    await screen.findByRole('heading', { name: messages.reset.title })
    expectFullyTranslated(container)
    await user.type(screen.getByLabelText(messages.reset.passwordLabel), 'short')
    await user.click(screen.getByRole('button', { name: messages.reset.submit }))
    await waitFor(() =>
      expect(screen.getByLabelText(messages.reset.passwordLabel)).toHaveAttribute('aria-invalid', 'true'),
    )
    expectFullyTranslated(container)
  })

  it.each<[ResetErrorCode, string]>([
    ['token_expired', 'expiredTitle'],
    ['token_used', 'usedTitle'],
    ['token_invalid', 'invalidTitle'],
    ['verifier_mismatch', 'verifierTitle'],
    ['password_weak', 'title'],
    ['password_breached', 'title'],
    ['network', 'title'],
    ['rate_limited', 'title'],
  ])('reset: completion fails with %s', async (code, title) => {
    const user = userEvent.setup()
    const { container } = await openReset(
      fakeAdapter({ completeReset: failing(code, { field: code.startsWith('password') ? 'password' : undefined }) }),
    )
    await screen.findByRole('heading', { name: messages.reset.title })
    await user.type(screen.getByLabelText(messages.reset.passwordLabel), 'a long enough password')
    await user.type(screen.getByLabelText(messages.reset.confirmLabel), 'a long enough password')
    await user.click(screen.getByRole('button', { name: messages.reset.submit }))
    if (title === 'title') {
      // The form stays: wait for the field error or the alert that explains the failure.
      await waitFor(() =>
        expect(container.querySelector('[data-part="fieldError"], [data-part="alert"]:not(:empty)')).not.toBeNull(),
      )
    } else {
      await screen.findByRole('heading', { name: messages.reset[title as 'title'] })
    }
    expectFullyTranslated(container)
  })

  it('reset: success', async () => {
    const user = userEvent.setup()
    const { container } = await openReset(fakeAdapter())
    await screen.findByRole('heading', { name: messages.reset.title })
    await user.type(screen.getByLabelText(messages.reset.passwordLabel), 'a long enough password')
    await user.type(screen.getByLabelText(messages.reset.confirmLabel), 'a long enough password')
    await user.click(screen.getByRole('button', { name: messages.reset.submit }))
    await screen.findByRole('heading', { name: messages.reset.successTitle })
    expectFullyTranslated(container)
  })

  it('reset: missing token, missing verifier, failed check', async () => {
    const missing = await openReset(fakeAdapter(), '/reset')
    await screen.findByRole('heading', { name: messages.reset.invalidTitle })
    expectFullyTranslated(missing.container)
    missing.unmount()

    const verifier = await openReset(fakeAdapter({ pkce: true }))
    await screen.findByRole('heading', { name: messages.reset.verifierTitle })
    expectFullyTranslated(verifier.container)
    verifier.unmount()

    const check = await openReset(fakeAdapter({ checkToken: failing('network') }))
    await screen.findByRole('heading', { name: messages.reset.checkFailedTitle })
    expectFullyTranslated(check.container)
  })
})

describe('runtime locale', () => {
  it('switching locale re-renders every string and keeps what the user typed', async () => {
    const user = userEvent.setup()
    function Switcher() {
      const [locale, setLocale] = useState('en')
      return (
        <>
          <button type="button" onClick={() => setLocale('fr')}>
            fr
          </button>
          <ForgotPasswordForm adapter={fakeAdapter()} locale={locale} redirectUrl={REDIRECT_URL} />
        </>
      )
    }
    render(<Switcher />)
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@exam')
    await user.click(screen.getByRole('button', { name: 'fr' }))
    const field = await screen.findByRole('textbox', { name: fr.forgot.emailLabel })
    expect(field).toHaveValue('ada@exam')
    expect(screen.getByRole('heading', { name: fr.forgot.title })).toBeInTheDocument()
  })

  it('a locale the host adds (de) needs no code change, and the Stytch-style locale tag is forwarded', async () => {
    const user = userEvent.setup()
    const de = structuredClone(en) as Messages
    de.forgot.title = 'Passwort zurücksetzen'
    de.forgot.emailLabel = 'E-Mail-Adresse'
    de.forgot.submit = 'Link senden'
    const adapter = fakeAdapter()
    render(
      <ResetKitProvider adapter={adapter} locale="de-AT" resources={{ de }}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )
    expect(await screen.findByRole('heading', { name: 'Passwort zurücksetzen' })).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: 'E-Mail-Adresse' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Link senden' }))
    await waitFor(() => expect(adapter.startReset).toHaveBeenCalledTimes(1))
    expect(vi.mocked(adapter.startReset).mock.calls[0]![0].locale).toBe('de')
  })

  it("follows the host i18next language without changing it, and never adds the host's other namespaces", async () => {
    const host = createInstance()
    await host.init({ lng: 'es', resources: { es: { translation: { hola: 'Hola' } } } })
    render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(await screen.findByRole('heading', { name: es.forgot.title })).toBeInTheDocument()
    expect(host.language).toBe('es')
    expect(host.t('hola')).toBe('Hola')
  })

  it('per-instance messages are removed from the i18next store on unmount', async () => {
    const host = createInstance()
    await host.init({ lng: 'en', resources: {} })
    const { unmount } = render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={{ forgot: { title: 'Forgot it?' } }} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { name: 'Forgot it?' })).toBeInTheDocument()
    const overrideNamespaces = () => Object.keys(host.store.data.en ?? {}).filter((ns) => ns.includes(':overrides:'))
    expect(overrideNamespaces()).toHaveLength(1)
    unmount()
    expect(overrideNamespaces()).toEqual([])
  })

  it('a pkce link in a translated page still completes with the stored verifier', async () => {
    const store = createWebStorageVerifierStore()
    const pair = await createPkcePair()
    await store.save({ v: 1, ...pair, createdAt: Date.now(), expiresAt: Date.now() + 3_600_000, adapterId: 'i18n' })
    window.history.replaceState(null, '', '/reset?token=tok_1')
    const user = userEvent.setup()
    const adapter = fakeAdapter({ pkce: true })
    render(
      <ResetPasswordPage adapter={adapter} locale="pt-BR" forgotPasswordUrl="/forgot" requireConfirmation={false} />,
    )
    await user.type(await screen.findByLabelText(ptBR.reset.passwordLabel), 'uma senha bem longa')
    await user.click(screen.getByRole('button', { name: ptBR.reset.submit }))
    await screen.findByRole('heading', { name: ptBR.reset.successTitle })
    expect(vi.mocked(adapter.completeReset).mock.calls[0]![0].codeVerifier).toBe(pair.verifier)
  })
})

describe('plural rules per language', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it.each([
    { locale: 'fr', messages: fr, forms: { 0: 'one', 1: 'one', 2: 'other', 21: 'other' } },
    { locale: 'pt-BR', messages: ptBR, forms: { 0: 'one', 1: 'one', 2: 'other', 21: 'other' } },
    { locale: 'es', messages: es, forms: { 0: 'other', 1: 'one', 2: 'other', 21: 'other' } },
  ] as const)(
    'I2: in $locale the length hint and the too-short error take the form the language uses for 0, 1, 2 and 21',
    async ({ locale, messages, forms }) => {
      const user = userEvent.setup()
      for (const count of [0, 1, 2, 21] as const) {
        window.history.replaceState(null, '', '/reset?token=tok_1')
        const { container, unmount } = render(
          <ResetPasswordPage
            adapter={fakeAdapter()}
            locale={locale}
            minLength={count}
            requireConfirmation={false}
            forgotPasswordUrl="/forgot"
          />,
        )
        const hint = messages.reset[`description_${forms[count]}`].replace('{{count}}', String(count))
        await screen.findByText(hint)
        if (count > 0) {
          // An empty password is too short for any minimum above 0.
          await user.click(screen.getByRole('button', { name: messages.reset.submit }))
          const error = messages.errors[`password_too_short_${forms[count]}`].replace('{{count}}', String(count))
          await waitFor(() => expect(container.querySelector('[data-part="fieldError"]')).toHaveTextContent(error))
        }
        unmount()
      }
    },
  )

  it.each([
    { locale: 'fr', messages: fr, lastSecond: '1 seconde' },
    { locale: 'pt-BR', messages: ptBR, lastSecond: '1 segundo' },
  ] as const)(
    'I2: the resend countdown in $locale says "$lastSecond" at its last second',
    async ({ locale, messages, lastSecond }) => {
      vi.useFakeTimers({ shouldAdvanceTime: true })
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
      const { container } = render(
        <ForgotPasswordForm adapter={fakeAdapter()} locale={locale} redirectUrl={REDIRECT_URL} minDurationMs={0} />,
      )
      await user.type(await screen.findByRole('textbox', { name: messages.forgot.emailLabel }), 'ada@example.com')
      await user.click(screen.getByRole('button', { name: messages.forgot.submit }))
      await screen.findByRole('heading', { name: messages.forgot.sentTitle })

      await act(() => vi.advanceTimersByTimeAsync(59_000))
      // Intl puts a no-break space between number and unit; compare the words.
      const countdown = () =>
        (container.querySelector('[data-part="countdown"]')?.textContent ?? '').replace(/\s/gu, ' ')
      expect(countdown()).toBe(messages.forgot.resendIn.replace('{{duration}}', lastSecond))
    },
  )
})

describe("a host's i18next options and provider resources", () => {
  it('I1: a host instance with flat keys (keySeparator: false) still shows whole sentences, never keys', async () => {
    const host = createInstance()
    await host.init({
      lng: 'en',
      keySeparator: false,
      nsSeparator: '.',
      resources: { en: { translation: { 'Sign in': 'Sign in' } } },
    })
    render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(en.forgot.title)
    expect(screen.getByRole('button')).toHaveTextContent(en.forgot.submit)
  })

  it('I1: a host instance whose namespace separator (_) appears in the kit’s keys still shows whole error sentences', async () => {
    const host = createInstance()
    await host.init({ lng: 'en', nsSeparator: '_', resources: { en: { translation: { hello: 'Hello' } } } })
    const user = userEvent.setup()
    render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </ResetKitProvider>,
    )
    await user.type(screen.getByRole('textbox', { name: en.forgot.emailLabel }), 'ada')
    await user.click(screen.getByRole('button', { name: en.forgot.submit }))
    expect(await screen.findByRole('textbox', { name: en.forgot.emailLabel })).toHaveAccessibleDescription(
      en.errors.invalid_email,
    )
  })

  it.each([{ load: 'languageOnly' as const }, { lowerCaseLng: true }])(
    'I1: a host instance with %j still shows the kit in pt-BR',
    async (options) => {
      const host = createInstance()
      await host.init({ lng: 'pt-BR', ...options, resources: { pt: { translation: { hello: 'Olá' } } } })
      render(
        <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
        </ResetKitProvider>,
      )
      expect(await screen.findByRole('heading', { name: ptBR.forgot.title })).toBeInTheDocument()
    },
  )

  it('I1: a host instance with its own interpolation delimiters (%{name}) still fills in the email and the durations', async () => {
    const host = createInstance()
    await host.init({
      lng: 'en',
      interpolation: { prefix: '%{', suffix: '}' },
      resources: { en: { translation: { hello: 'Hello %{name}' } } },
    })
    const user = userEvent.setup()
    render(
      <ResetKitProvider i18n={host} adapter={fakeAdapter()}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} expiresInMinutes={30} />
      </ResetKitProvider>,
    )
    await user.type(screen.getByRole('textbox', { name: en.forgot.emailLabel }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: en.forgot.submit }))
    await screen.findByRole('heading', { name: en.forgot.sentTitle })
    expect(screen.getByText(/If an account exists for/)).toHaveTextContent('If an account exists for ada@example.com,')
    expect(screen.getByText(/The link works for/)).toHaveTextContent(/^The link works for 30\sminutes\.$/)
    expect(screen.getByText(/You can send the email again in/)).not.toHaveTextContent('{{')
    expect(host.t('hello', { name: 'Ada' })).toBe('Hello Ada')
  })

  it.each([
    [
      'provider resources',
      (form: React.ReactNode) => (
        <ResetKitProvider adapter={fakeAdapter()} locale="de_DE" resources={{ de_DE: fr }}>
          {form}
        </ResetKitProvider>
      ),
    ],
    [
      'a host instance',
      (form: React.ReactNode) => {
        const host = createInstance()
        void host.init({ lng: 'de_DE', initAsync: false, resources: { de_DE: { 'reset-kit': fr } } })
        return (
          <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
            {form}
          </ResetKitProvider>
        )
      },
    ],
  ])(
    'I1: a locale the host tags with an underscore (de_DE, through %s) gets lang="de-DE" and its durations, not a RangeError',
    async (_, wrap) => {
      // Any complete set of strings will do: here the French ones, filed under de_DE as a host's would be.
      const user = userEvent.setup()
      const { container } = render(
        wrap(<ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} expiresInMinutes={30} />),
      )
      await user.type(await screen.findByRole('textbox', { name: fr.forgot.emailLabel }), 'ada@example.com')
      await user.click(screen.getByRole('button', { name: fr.forgot.submit }))
      await screen.findByRole('heading', { name: fr.forgot.sentTitle })
      // Intl's German units: what Intl.NumberFormat('de_DE') throws on.
      expect(screen.getByText(/^Le lien est valable/)).toHaveTextContent(/^Le lien est valable 30\sMinuten\.$/)
      expect(container.querySelector('section')).toHaveAttribute('lang', 'de-DE')
    },
  )

  it('I1: a locale tag with two underscores (zh_Hant_TW) gets lang="zh-Hant-TW" and its durations, not a RangeError', async () => {
    const user = userEvent.setup()
    const { container } = render(
      <ResetKitProvider adapter={fakeAdapter()} locale="zh_Hant_TW" resources={{ zh_Hant_TW: fr }}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} expiresInMinutes={30} />
      </ResetKitProvider>,
    )
    await user.type(await screen.findByRole('textbox', { name: fr.forgot.emailLabel }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: fr.forgot.submit }))
    await screen.findByRole('heading', { name: fr.forgot.sentTitle })
    expect(screen.getByText(/^Le lien est valable/)).toHaveTextContent(/^Le lien est valable 30\s?分鐘\.$/)
    expect(container.querySelector('section')).toHaveAttribute('lang', 'zh-Hant-TW')
  })

  it('provider resources replace shipped English strings', () => {
    render(
      <ResetKitProvider adapter={fakeAdapter()} resources={{ en: { forgot: { title: 'Forgot your password?' } } }}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Forgot your password?')
    expect(screen.getByRole('button')).toHaveTextContent(en.forgot.submit)
  })

  it('a provider replacing one French string still gets the rest of the shipped French', async () => {
    render(
      <ResetKitProvider
        adapter={fakeAdapter()}
        locale="fr"
        resources={{ fr: { forgot: { title: 'Mot de passe oublié ?' } } }}
      >
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(await screen.findByRole('button', { name: fr.forgot.submit })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Mot de passe oublié ?')
  })

  it('instances with messages, mounted beside others or switching locale, cause no React warning', () => {
    const consoleError = vi.spyOn(console, 'error')
    try {
      const adapter = fakeAdapter()
      const { rerender } = render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} />)
      rerender(
        <>
          <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} />
          <ForgotPasswordForm
            adapter={adapter}
            redirectUrl={REDIRECT_URL}
            messages={{ forgot: { title: 'Forgot it?' } }}
          />
        </>,
      )
      expect(screen.getByRole('heading', { name: 'Forgot it?' })).toBeInTheDocument()
      rerender(
        <>
          <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} />
          <ForgotPasswordForm
            adapter={adapter}
            redirectUrl={REDIRECT_URL}
            locale="fr"
            messages={{ forgot: { title: 'Oublié ?' } }}
          />
        </>,
      )
      expect(screen.getByRole('heading', { name: 'Oublié ?' })).toBeInTheDocument()
      expect(consoleError).not.toHaveBeenCalled()
    } finally {
      consoleError.mockRestore()
    }
  })

  it('two instances with the same messages share them, and the second unmounting leaves the first its strings', async () => {
    const host = createInstance()
    await host.init({ lng: 'en', resources: {} })
    const messages = { forgot: { title: 'Forgot it?' } }
    const { rerender } = render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={messages} />
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={{ ...messages }} />
      </ResetKitProvider>,
    )
    expect(screen.getAllByRole('heading', { name: 'Forgot it?' })).toHaveLength(2)
    rerender(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={messages} />
      </ResetKitProvider>,
    )
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Forgot it?')
    expect(Object.keys(host.store.data.en ?? {}).filter((ns) => ns.includes(':overrides:'))).toHaveLength(1)
  })
})

describe('the language a person sees follows the browser and the host', () => {
  // jsdom's navigator.languages is a prototype getter: an own property shadows it until deleted.
  function setBrowserLanguages(languages: readonly string[]) {
    Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => languages })
  }
  afterEach(() => {
    delete (window.navigator as { languages?: unknown }).languages
  })

  it('a browser preferring German, then French, gets the French the kit has, not English', async () => {
    setBrowserLanguages(['de-DE', 'fr-FR', 'en'])
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} />)
    expect(await screen.findByRole('heading', { name: fr.forgot.title })).toBeInTheDocument()
  })

  it('a browser whose language changes while the form is open shows the new language', async () => {
    setBrowserLanguages(['en-US'])
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} />)
    expect(screen.getByRole('heading', { name: en.forgot.title })).toBeInTheDocument()
    setBrowserLanguages(['es-ES'])
    act(() => {
      window.dispatchEvent(new Event('languagechange'))
    })
    expect(await screen.findByRole('heading', { name: es.forgot.title })).toBeInTheDocument()
  })

  it('a locale given to the form wins over the host i18next language', async () => {
    const host = await emptyHost('es')
    render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} locale="fr" />
      </ResetKitProvider>,
    )
    expect(await screen.findByRole('heading', { name: fr.forgot.title })).toBeInTheDocument()
  })

  it('a host that falls back from a language it lacks (de-CH) to French shows the kit in French', async () => {
    const host = createInstance()
    await host.init({ lng: 'de-CH', fallbackLng: 'fr', resources: { fr: { translation: { hello: 'Bonjour' } } } })
    render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(await screen.findByRole('heading', { name: fr.forgot.title })).toBeInTheDocument()
  })

  it('a host set to Spanish with no strings of its own yet shows the kit in Spanish, not the browser’s English', async () => {
    setBrowserLanguages(['en-US'])
    const host = await emptyHost('es')
    render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(await screen.findByRole('heading', { name: es.forgot.title })).toBeInTheDocument()
  })

  it('the host switching language while the form is open switches the form, keeping what the user typed', async () => {
    const user = userEvent.setup()
    const host = await emptyHost()
    render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    await user.type(screen.getByRole('textbox', { name: en.forgot.emailLabel }), 'ada@exam')
    await act(() => host.changeLanguage('fr'))
    expect(await screen.findByRole('textbox', { name: fr.forgot.emailLabel })).toHaveValue('ada@exam')
  })

  it('the host taking its German strings out of i18next brings the form back to English at once', async () => {
    const de = structuredClone(en) as Messages
    de.forgot.title = 'Passwort zurücksetzen'
    const host = createInstance()
    await host.init({ lng: 'de', initAsync: false, resources: { de: { 'reset-kit': de } } })
    render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { name: 'Passwort zurücksetzen' })).toBeInTheDocument()
    act(() => {
      host.removeResourceBundle('de', 'reset-kit')
    })
    expect(screen.getByRole('heading', { name: en.forgot.title })).toBeInTheDocument()
  })

  it('a form moved to another host i18next instance shows its strings and follows its language', async () => {
    const hostWith = async (title: string) => {
      const host = createInstance()
      await host.init({ lng: 'en', resources: { en: { 'reset-kit': { forgot: { title } } } } })
      return host
    }
    const first = await hostWith('Lost your password?')
    const second = await hostWith('Forgot it?')
    const page = (host: typeof first) => (
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>
    )
    const { rerender } = render(page(first))
    expect(screen.getByRole('heading', { name: 'Lost your password?' })).toBeInTheDocument()
    rerender(page(second))
    expect(screen.getByRole('heading', { name: 'Forgot it?' })).toBeInTheDocument()
    await act(() => second.changeLanguage('es'))
    expect(await screen.findByRole('button', { name: es.forgot.submit })).toBeInTheDocument()
  })

  it("a host instance handed over before its init() (called in the host's effect) shows English, then the host's language once initialised", async () => {
    const user = userEvent.setup()
    const host = createInstance()
    function App() {
      const [ready, setReady] = useState(false)
      useEffect(() => {
        void host.init({ lng: 'fr' }).then(() => setReady(true))
      }, [])
      return (
        <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
          {ready ? null : <p>Loading translations…</p>}
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
        </ResetKitProvider>
      )
    }
    render(<App />)
    expect(screen.getByRole('heading', { name: en.forgot.title })).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: en.forgot.emailLabel }), 'ada@exam')

    expect(await screen.findByRole('textbox', { name: fr.forgot.emailLabel })).toHaveValue('ada@exam')
    expect(screen.getByRole('heading', { name: fr.forgot.title })).toBeInTheDocument()
  })

  it("a provider's resources, with a host instance not initialised yet, stay out of the instance forms outside a provider share", () => {
    const first = render(
      <ResetKitProvider
        adapter={fakeAdapter()}
        i18n={createInstance()}
        resources={{ en: { forgot: { title: 'Acme tenant title' } } }}
      >
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Acme tenant title')
    first.unmount()

    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} />)
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(en.forgot.title)
  })

  it('a provider given new resources shows the new strings', () => {
    const page = (title: string) => (
      <ResetKitProvider adapter={fakeAdapter()} resources={{ en: { forgot: { title } } }}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>
    )
    const { rerender } = render(page('Lost your password?'))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Lost your password?')
    rerender(page('Forgot it?'))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Forgot it?')
  })
})

describe('what the kit leaves in a host i18next instance and the window', () => {
  const overrideBundles = (host: ReturnType<typeof createInstance>) =>
    Object.entries(host.store.data).flatMap(([locale, namespaces]) =>
      Object.keys(namespaces)
        .filter((ns) => ns.includes(':overrides:'))
        .map((ns) => `${locale} ${ns.slice(ns.indexOf(':overrides:') + 11)}`),
    )
  const messages = { forgot: { title: 'Forgot it?' } }

  it('instances sharing messages, in one language or two, leave none of them behind once all unmount', async () => {
    const host = await emptyHost()
    const { unmount } = render(
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={messages} />
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={{ ...messages }} />
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={messages} locale="fr" />
      </ResetKitProvider>,
    )
    expect(screen.getAllByRole('heading', { name: 'Forgot it?' })).toHaveLength(3)
    expect(overrideBundles(host).sort()).toEqual([`en ${JSON.stringify(messages)}`, `fr ${JSON.stringify(messages)}`])
    unmount()
    expect(overrideBundles(host)).toEqual([])
  })

  it('an instance whose language or messages change keeps only its current messages in the store', async () => {
    const host = await emptyHost()
    const page = (locale: string, title: string) => (
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} locale={locale} messages={{ forgot: { title } }} />
      </ResetKitProvider>
    )
    const { rerender, unmount } = render(page('en', 'Forgot it?'))
    rerender(page('fr', 'Forgot it?'))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Forgot it?')
    expect(overrideBundles(host)).toEqual(['fr {"forgot":{"title":"Forgot it?"}}'])
    rerender(page('fr', 'Oublié ?'))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Oublié ?')
    expect(overrideBundles(host)).toEqual(['fr {"forgot":{"title":"Oublié ?"}}'])
    unmount()
    expect(overrideBundles(host)).toEqual([])
  })

  it('an instance moved to another host i18next instance takes its messages out of the first', async () => {
    const first = await emptyHost()
    const second = await emptyHost()
    const page = (host: typeof first) => (
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} messages={messages} />
      </ResetKitProvider>
    )
    const { rerender, unmount } = render(page(first))
    rerender(page(second))
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Forgot it?')
    expect(overrideBundles(first)).toEqual([])
    unmount()
    expect(overrideBundles(second)).toEqual([])
  })

  it('the shipped French reaches a host instance once, however often a French form mounts', async () => {
    const host = await emptyHost()
    const frenchAdded = vi.fn()
    host.store.on('added', (locale: string, ns: string) => {
      if (locale === 'fr' && ns === 'reset-kit') frenchAdded()
    })
    const page = (
      <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} locale="fr" />
      </ResetKitProvider>
    )
    const { unmount } = render(page)
    await screen.findByRole('heading', { name: fr.forgot.title })
    unmount()
    render(page)
    // A fetch the second mount started would be merged by now: it began before this same one.
    await act(() => loadLocale('fr'))
    expect(screen.getByRole('heading', { name: fr.forgot.title })).toBeInTheDocument()
    expect(frenchAdded).toHaveBeenCalledTimes(1)
  })

  it('every listener the kit adds to a host i18next instance or the window is removed on unmount', async () => {
    const host = await emptyHost()
    // Each listener by what it listens on, to what, and the function itself: an add and its remove cancel out.
    const listening: [string, string, unknown][] = []
    const track = (target: object, add: string, remove: string, label: string) => {
      const methods = target as Record<string, (event: string, fn: unknown) => unknown>
      const on = methods[add]!
      const off = methods[remove]!
      vi.spyOn(methods, add).mockImplementation(function (this: unknown, event, fn) {
        listening.push([label, event, fn])
        return on.call(this, event, fn)
      })
      vi.spyOn(methods, remove).mockImplementation(function (this: unknown, event, fn) {
        const at = listening.findIndex(([l, e, f]) => l === label && e === event && f === fn)
        if (at >= 0) listening.splice(at, 1)
        return off.call(this, event, fn)
      })
    }
    track(host, 'on', 'off', 'i18next')
    track(host.store, 'on', 'off', 'store')
    track(window, 'addEventListener', 'removeEventListener', 'window')
    try {
      const { unmount } = render(
        <ResetKitProvider adapter={fakeAdapter()} i18n={host}>
          <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
        </ResetKitProvider>,
      )
      const kits = () =>
        listening
          .filter(([label, event]) => label !== 'window' || event === 'languagechange')
          .map(([l, e]) => `${l} ${e}`)
      expect(kits()).toEqual(
        expect.arrayContaining(['window languagechange', 'i18next languageChanged', 'store added', 'store removed']),
      )
      unmount()
      expect(kits()).toEqual([])
    } finally {
      vi.restoreAllMocks()
    }
  })
})

describe('the language the text is marked with (lang)', () => {
  // Keeps every key of `messages` but the `_one` plural forms, as a language without a singular
  // form (Japanese, Chinese) ships them: `_other` alone.
  function withoutSingulars(messages: object): ResetKitMessageOverrides {
    return Object.fromEntries(
      Object.entries(messages)
        .filter(([key]) => !key.endsWith('_one'))
        .map(([key, value]) => [key, typeof value == 'string' ? value : withoutSingulars(value as object)]),
    ) as ResetKitMessageOverrides
  }

  it('a language with every string but no singular plural forms is marked as itself', () => {
    // Any complete set of strings will do: here the French ones, filed under ja as a host's would be.
    const { container } = render(
      <ResetKitProvider adapter={fakeAdapter()} locale="ja" resources={{ ja: withoutSingulars(fr) }}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { name: fr.forgot.title })).toBeInTheDocument()
    expect(container.querySelector('section')).toHaveAttribute('lang', 'ja')
  })

  it('a language given a string or two in each part of the kit is still marked English, as most of its text is', () => {
    const few = {
      forgot: { title: 'Passwort vergessen?' },
      reset: { title: 'Neues Passwort' },
      errors: { unknown: 'Fehler' },
    }
    const { container } = render(
      <ResetKitProvider adapter={fakeAdapter()} locale="de" resources={{ de: few }}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </ResetKitProvider>,
    )
    expect(screen.getByRole('heading', { name: 'Passwort vergessen?' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: en.forgot.submit })).toBeInTheDocument()
    expect(container.querySelector('section')).toHaveAttribute('lang', 'en')
  })
})
