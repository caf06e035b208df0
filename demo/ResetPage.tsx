import { ResetPasswordPage } from '../src'
import { adapterFor } from './adapter'
import { DemoLink } from './DemoLink'
import { useBackend } from './useBackend'

/** `/reset`: where the emailed link lands; the kit reads and strips the token itself. */
export function ResetPage() {
  const [backend] = useBackend()
  return (
    <div className="demo-page demo-page--split">
      <div className="demo-panel">
        <ResetPasswordPage key={backend} adapter={adapterFor(backend)} signInUrl="/sign-in" forgotPasswordUrl="/" />
      </div>
      {/* Reached from the nav, the page has no link to read, and says so as it would to anyone. */}
      <aside className="demo-aside" aria-labelledby="demo-reset-title">
        <h2 id="demo-reset-title">About this page</h2>
        <p>
          Reset links land here. Opened without one, it says the link doesn’t work. To see the form, ask for a link on{' '}
          <DemoLink href="/">Forgot password</DemoLink>, then open it from the{' '}
          <DemoLink href="/outbox">Outbox</DemoLink>.
        </p>
      </aside>
    </div>
  )
}
