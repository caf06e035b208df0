'use client'

import { ForgotPasswordForm } from 'reset-kit'
import { adapter, resetPasswordUrl } from '../resetKit'

export function ForgotPassword() {
  return <ForgotPasswordForm adapter={adapter} redirectUrl={resetPasswordUrl} />
}
