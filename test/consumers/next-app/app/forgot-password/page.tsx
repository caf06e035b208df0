import { ForgotPassword } from './ForgotPassword'

// A server component: prerendered at build time, with the client component inside.
export default function Page() {
  return (
    <main>
      <ForgotPassword />
    </main>
  )
}
