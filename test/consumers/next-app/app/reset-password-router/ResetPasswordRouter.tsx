'use client'

import { useSearchParams } from 'next/navigation'
import { ResetPasswordPage } from 'reset-kit'
import { adapter } from '../resetKit'

export function ResetPasswordRouter() {
  const token = useSearchParams().get('token')
  return <ResetPasswordPage adapter={adapter} token={token} forgotPasswordUrl="/forgot-password" signInUrl="/sign-in" />
}
