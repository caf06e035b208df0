import { ResetPasswordPage } from '../src'
import { demoAdapter } from './adapter'

/** `/reset`: where the emailed link lands; the kit reads and strips the token itself. */
export function ResetPage() {
  return (
    <div className="demo-page">
      <div className="demo-panel">
        <ResetPasswordPage adapter={demoAdapter} signInUrl="/" forgotPasswordUrl="/" />
      </div>
    </div>
  )
}
