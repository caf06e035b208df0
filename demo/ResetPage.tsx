import { ResetPasswordPage } from '../src'
import { adapterFor } from './adapter'
import { useBackend } from './useBackend'

/** `/reset`: where the emailed link lands; the kit reads and strips the token itself. */
export function ResetPage() {
  const [backend] = useBackend()
  return (
    <div className="demo-page">
      <div className="demo-panel">
        <ResetPasswordPage key={backend} adapter={adapterFor(backend)} signInUrl="/sign-in" forgotPasswordUrl="/" />
      </div>
    </div>
  )
}
