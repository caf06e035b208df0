import { BACKEND_DESCRIPTIONS } from './backends'
import { BackendSwitcher } from './BackendSwitcher'
import { DemoLink } from './DemoLink'
import { DEMO_PAGES } from './demoPages'
import { LocaleSwitcher, useDemoLocale } from './LocaleSwitcher'
import { ResetKitProvider } from '../src'
import { ForgotPasswordPage } from './ForgotPasswordPage'
import { NotFoundPage } from './NotFoundPage'
import { OutboxPage } from './OutboxPage'
import { ResetPage } from './ResetPage'
import { SignInPage } from './SignInPage'
import { useBackend } from './useBackend'
import { usePathname } from './usePathname'

function pageFor(pathname: string) {
  switch (pathname) {
    case '/':
      return <ForgotPasswordPage />
    case '/reset':
      return <ResetPage />
    case '/outbox':
      return <OutboxPage />
    case '/sign-in':
      return <SignInPage />
    default:
      return <NotFoundPage />
  }
}

/** The demo shell: a nav to the demo's pages, the backend switcher and hand-rolled pathname routing (no router). */
export function App() {
  const pathname = usePathname()
  const [backend] = useBackend()
  const locale = useDemoLocale()
  return (
    <div className="demo-shell">
      <header className="demo-header">
        <p className="demo-brand">reset-kit demo</p>
        <nav aria-label="Demo pages">
          <ul className="demo-nav">
            {DEMO_PAGES.map(([href, label]) => (
              <li key={href}>
                <DemoLink href={href}>{label}</DemoLink>
              </li>
            ))}
          </ul>
        </nav>
        <BackendSwitcher />
        <LocaleSwitcher />
      </header>
      {/* Keyed by path so each page starts fresh, as it would after a full navigation. */}
      <main className="demo-main" key={pathname}>
        <ResetKitProvider locale={locale}>{pageFor(pathname)}</ResetKitProvider>
      </main>
      <footer className="demo-footer">
        <p>{BACKEND_DESCRIPTIONS[backend]} No email leaves this machine.</p>
      </footer>
    </div>
  )
}
