import { ForgotPasswordForm } from '../src'
import { adapterFor, redirectUrlFor } from './adapter'
import { DemoAccounts } from './DemoAccounts'
import { useBackend } from './useBackend'

/** `/`: the kit's request form for the chosen backend, plus a hint about the demo accounts. */
export function ForgotPasswordPage() {
  const [backend] = useBackend()
  return (
    <div className="demo-page demo-page--split">
      <div className="demo-panel">
        {/* Keyed by backend so switching starts the form afresh with the other adapter. */}
        <ForgotPasswordForm key={backend} adapter={adapterFor(backend)} redirectUrl={redirectUrlFor(backend)} />
      </div>
      <DemoAccounts backend={backend} />
    </div>
  )
}
