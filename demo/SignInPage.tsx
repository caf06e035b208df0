import { useState, type FormEvent } from 'react'
import { BACKEND_LABELS } from './backends'
import { signIn } from './signIn'
import { useBackend } from './useBackend'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'signedIn'; email: string }
  | { kind: 'refused' }
  | { kind: 'failed' }

/**
 * `/sign-in`: the host app's own sign-in, which the kit links to after a reset. It only tries the
 * email and password against the chosen backend, so a new password can be checked in the demo.
 */
export function SignInPage() {
  const [backend] = useBackend()
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const email = String(data.get('email'))
    setOutcome({ kind: 'pending' })
    try {
      setOutcome(
        (await signIn(backend, email, String(data.get('password'))))
          ? { kind: 'signedIn', email }
          : { kind: 'refused' },
      )
    } catch {
      setOutcome({ kind: 'failed' })
    }
  }

  return (
    <div className="demo-page">
      <div className="demo-panel">
        <h1 className="demo-title">Sign in</h1>
        <p className="demo-status">The demo app&apos;s own sign-in page, against {BACKEND_LABELS[backend]}.</p>
        <form className="demo-form" onSubmit={(event) => void submit(event)}>
          <label className="demo-field">
            Email address
            <input className="demo-input" name="email" type="email" autoComplete="username" required />
          </label>
          <label className="demo-field">
            Password
            <input className="demo-input" name="password" type="password" autoComplete="current-password" required />
          </label>
          <button className="demo-button demo-button--primary" type="submit" disabled={outcome.kind === 'pending'}>
            Sign in
          </button>
        </form>
        <p role="status" className={outcome.kind === 'signedIn' ? 'demo-status' : 'demo-error'}>
          {outcome.kind === 'signedIn'
            ? `Signed in as ${outcome.email}.`
            : outcome.kind === 'refused'
              ? 'That email address and password do not match.'
              : outcome.kind === 'failed'
                ? 'The backend could not be reached.'
                : ''}
        </p>
      </div>
    </div>
  )
}
