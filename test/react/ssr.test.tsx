// @vitest-environment node
import { renderToString } from 'react-dom/server'
import type { ResetAdapter } from '../../src/core/ResetAdapter'

function fakeAdapter() {
  return {
    id: 'test',
    pkce: true,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('server rendering', () => {
  it('runs where there is no window, document or storage', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(typeof sessionStorage).toBe('undefined')
    expect(typeof localStorage).toBe('undefined')
  })

  it('imports the package entry without touching window', async () => {
    const kit = await import('../../src/index')

    expect(kit.ForgotPasswordForm).toBeTypeOf('function')
    expect(kit.ResetPasswordPage).toBeTypeOf('function')
    expect(kit.ResetKitProvider).toBeTypeOf('function')
  })

  it('X2: renders <ForgotPasswordForm> with an adapter prop, with no inline style or script', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const { ForgotPasswordForm } = await import('../../src/index')

    const html = renderToString(
      <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl="https://app.example.com/reset-password" />,
    )

    expect(html).toContain('Reset your password')
    expect(html).toContain('Email address')
    expect(html).toMatch(/autocomplete="email"/i)
    // Submitted before hydration, the form goes nowhere (test/e2e/beforeHydration.test.ts).
    expect(html).toMatch(/<form[^>]*\smethod="dialog"/)
    expect(html).not.toMatch(/\sstyle=/i)
    expect(html).not.toMatch(/<script/i)
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('X2: renders <ResetPasswordPage> inside a provider, in its checking state, with no inline style or script', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const { ResetKitProvider, ResetPasswordPage } = await import('../../src/index')
    const adapter = fakeAdapter()

    const html = renderToString(
      <ResetKitProvider adapter={adapter} locale="en">
        <ResetPasswordPage forgotPasswordUrl="/forgot-password" />
      </ResetKitProvider>,
    )

    expect(html).toContain('Checking your link…')
    expect(html).toContain('data-state="checking"')
    expect(html).not.toMatch(/\sstyle=/i)
    expect(html).not.toMatch(/<script/i)
    expect(adapter.completeReset).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('X2: renders <ForgotPasswordForm> from a provider, with no inline style or script', async () => {
    const { ForgotPasswordForm, ResetKitProvider } = await import('../../src/index')
    const adapter = fakeAdapter()

    const html = renderToString(
      <ResetKitProvider adapter={adapter}>
        <ForgotPasswordForm redirectUrl="https://app.example.com/reset-password" />
      </ResetKitProvider>,
    )

    expect(html).toContain('Send reset link')
    expect(html).not.toMatch(/\sstyle=/i)
    expect(html).not.toMatch(/<script/i)
    expect(adapter.startReset).not.toHaveBeenCalled()
  })

  it("keeps one request's per-instance messages out of the next request's render", async () => {
    const { ForgotPasswordForm } = await import('../../src/index')
    const first = renderToString(
      <ForgotPasswordForm
        adapter={fakeAdapter()}
        redirectUrl="https://a.example.com/reset"
        messages={{ forgot: { title: 'Tenant A: forgot your password?' } }}
      />,
    )
    expect(first).toContain('Tenant A: forgot your password?')
    const second = renderToString(
      <ForgotPasswordForm
        adapter={fakeAdapter()}
        redirectUrl="https://b.example.com/reset"
        messages={{ forgot: { submit: 'Email me' } }}
      />,
    )
    expect(second).toContain('Email me')
    expect(second).not.toContain('Tenant A')
    expect(second).toContain('Reset your password')
  })

  it("keeps one request's provider resources out of the next request's render", async () => {
    const { ForgotPasswordForm, ResetKitProvider } = await import('../../src/index')
    const fr = (await import('../../locales/fr/reset-kit.json')).default
    const first = renderToString(
      <ResetKitProvider
        adapter={fakeAdapter()}
        locale="fr"
        resources={{ fr, en: { forgot: { title: 'Tenant A: forgot your password?' } } }}
      >
        <ForgotPasswordForm redirectUrl="https://a.example.com/reset" />
      </ResetKitProvider>,
    )
    expect(first).toContain(fr.forgot.title)
    // Another tenant, and a page that hands over no French: the server renders English, as the client will first.
    const second = renderToString(
      <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl="https://b.example.com/reset" />,
    )
    expect(second).not.toContain('Tenant A')
    expect(second).toContain('Reset your password')
    const third = renderToString(
      <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl="https://b.example.com/reset" locale="fr" />,
    )
    expect(third).toContain('Reset your password')
    expect(third).toContain('lang="en"')
  })

  it('puts defaultEmail in the server HTML, so the field is filled before hydration', async () => {
    const { ForgotPasswordForm } = await import('../../src/index')
    const html = renderToString(
      <ForgotPasswordForm
        adapter={fakeAdapter()}
        redirectUrl="https://app.example.com/reset"
        defaultEmail="ada@example.com"
      />,
    )
    expect(html).toContain('value="ada@example.com"')
  })

  it('renders French on the server when the French strings are given to the provider, as the README says', async () => {
    const { ForgotPasswordForm, ResetKitProvider } = await import('../../src/index')
    const fr = (await import('../../locales/fr/reset-kit.json')).default
    const html = renderToString(
      <ResetKitProvider adapter={fakeAdapter()} locale="fr" resources={{ fr }}>
        <ForgotPasswordForm redirectUrl="https://app.example.com/reset" />
      </ResetKitProvider>,
    )
    expect(html).toContain(fr.forgot.title)
    expect(html).toContain('lang="fr"')
  })
})
