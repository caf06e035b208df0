import { Suspense } from 'react'
import { ResetPasswordRouter } from './ResetPasswordRouter'

// The pattern a Next user writes: the token from useSearchParams passed as the `token` prop.
export default function Page() {
  return (
    <main>
      <Suspense>
        <ResetPasswordRouter />
      </Suspense>
    </main>
  )
}
