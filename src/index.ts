// The public API of reset-kit, listed by name. Adapters live in their own entries
// (`reset-kit/stytch`, `reset-kit/stack-auth`, `reset-kit/supabase`, `reset-kit/better-auth`,
// `reset-kit/http`) so an app bundles only the backend it uses.
export { ForgotPasswordForm, type ForgotPasswordFormProps, type ForgotPasswordPart } from './react/ForgotPasswordForm'
export { ResetPasswordPage, type ResetPasswordPageProps, type ResetPasswordPart } from './react/ResetPasswordPage'
export { ResetKitProvider, type ResetKitProviderProps } from './react/ResetKitProvider'
export type { ResetKitSettings } from './react/ResetKitContext'
export {
  DEFAULT_RESEND_COOLDOWN_SECONDS,
  useForgotPassword,
  type ForgotPasswordStatus,
  type ForgotPasswordView,
  type UseForgotPasswordOptions,
  type UseForgotPasswordReturn,
} from './react/useForgotPassword'
export {
  useResetPassword,
  type ResetPasswordView,
  type UseResetPasswordOptions,
  type UseResetPasswordReturn,
} from './react/useResetPassword'
export type { ResetKitInstanceOptions, ResetKitMessageOverrides } from './react/useResetKitSetup'
export type { AppearanceProps, ClassNames } from './react/parts'
export { errorMessage } from './react/errorMessage'
export { strengthLevel, type StrengthLevel } from './react/StrengthHint'
export { createResetKitI18n, NAMESPACE, type ResetKitMessages } from './i18n/createResetKitI18n'
export type { ResetKitKey, ResetKitT } from './i18n/ResetKitT'
export { resolveLocale, SUPPORTED_LOCALES, type SupportedLocale } from './i18n/resolveLocale'
export {
  createWebStorageVerifierStore,
  isResetError,
  DEFAULT_RATE_LIMIT_SECONDS,
  ResetError,
  type CheckTokenInput,
  type CompleteResetInput,
  type ResetAdapter,
  type ResetErrorCode,
  type ResetErrorField,
  type ResetErrorOptions,
  type StartResetInput,
  type VerifierRecord,
  type VerifierStorageMode,
  type VerifierStore,
} from './core'
