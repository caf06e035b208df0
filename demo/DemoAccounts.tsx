import { DEFAULT_EMULATOR_USERS } from './emulator/createStytchEmulator'
import { DemoLink } from './DemoLink'

/** The seeded accounts and where their emails land, for whoever tries the demo. */
export function DemoAccounts() {
  return (
    <aside className="demo-aside" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Demo accounts</h2>
      <table className="demo-table">
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
        Try <strong>ada@example.com</strong>. Any other address gets the same confirmation but no email, so the
        page never reveals who has an account. Sent emails appear in the <DemoLink href="/outbox">Outbox</DemoLink>.
      </p>
    </aside>
  )
}
