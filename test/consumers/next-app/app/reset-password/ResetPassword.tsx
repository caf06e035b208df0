'use client'

import { ResetPasswordPage } from 'reset-kit'
import { adapter } from '../resetKit'

export function ResetPassword() {
  return <ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot-password" signInUrl="/sign-in" />
}
