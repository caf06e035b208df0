import { ForgotPasswordForm } from '../src'
import { DEMO_REDIRECT_URL, demoAdapter } from './adapter'
import { DemoAccounts } from './DemoAccounts'

/** `/`: the kit's request form, plus a hint about the demo accounts. */
export function ForgotPasswordPage() {
  return (
    <div className="demo-page demo-page--split">
      <div className="demo-panel">
        <ForgotPasswordForm adapter={demoAdapter} redirectUrl={DEMO_REDIRECT_URL} />
      </div>
      <DemoAccounts />
    </div>
  )
}
