import { BACKEND_LABELS, type DemoBackend } from './backends'
import { DemoLink } from './DemoLink'
import { DEFAULT_EMULATOR_USERS } from './emulator/demoUsers'

/** Props for {@link DemoAccounts}. */
export interface DemoAccountsProps {
  /** The backend whose accounts to list. */
  backend: DemoBackend
}

const NOTES: Record<DemoBackend, string> = {
  stytch: 'The link works once, for 30 minutes, and only in the browser that asked for it (PKCE).',
  'stack-auth': 'The link works once, for 7 days, in any browser; the reset page checks it before showing the form.',
  supabase:
    'The link works once, in the browser that asked for it (PKCE), and the new password must be set within 5 minutes of the request.',
  'better-auth': 'The link works for an hour, in any browser. Better Auth allows 3 requests a minute.',
  http: 'The link works once, for an hour, only in the browser that asked for it (PKCE); the reset page checks it before showing the form. 5 requests a minute per address.',
}

/** The seeded accounts of the chosen backend and where their emails land. */
export function DemoAccounts({ backend }: DemoAccountsProps) {
  return (
    <aside className="demo-aside" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Demo accounts</h2>
      <table className="demo-table">
        <caption className="demo-caption">{BACKEND_LABELS[backend]}</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Password</th>
          </tr>
        </thead>
        <tbody>
          {DEFAULT_EMULATOR_USERS.map((user) => (
            <tr key={user.email}>
              <td>{user.email}</td>
              <td>{user.password}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Try <strong>ada@example.com</strong>. Any other address gets the same confirmation but no email, so the page
        never reveals who has an account. Sent emails appear in the <DemoLink href="/outbox">Outbox</DemoLink>.
      </p>
      <p>Each backend keeps its own passwords. {NOTES[backend]} Clearing the outbox restores the passwords above.</p>
    </aside>
  )
}
