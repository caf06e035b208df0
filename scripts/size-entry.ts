// What an app imports to offer the whole flow on Stytch: measured by scripts/size.mjs.
export { ForgotPasswordForm, ResetPasswordPage } from '../src'
export { createStytchAdapter } from '../src/adapters/stytch'
