import { ResetPassword } from './ResetPassword'

// Prerendered in its "checking your link" state; the browser reads the token from the URL.
export default function Page() {
  return (
    <main>
      <ResetPassword />
    </main>
  )
}
