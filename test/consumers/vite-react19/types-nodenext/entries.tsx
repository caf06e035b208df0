// Every entry point of the packed kit, imported the way a "nodenext" project resolves them. Each
// expected error below stops being an error, and fails the build, if a type degrades to `any`.
import type { ReactElement } from 'react'
import {
  ForgotPasswordForm,
  isResetError,
  ResetError,
  ResetKitProvider,
  ResetPasswordPage,
  type ResetAdapter,
  type ResetErrorCode,
  type ResetKitMessages,
} from 'reset-kit'
import { createBetterAuthAdapter } from 'reset-kit/better-auth'
import { createPkcePair, RESET_ERROR_CODES, type CheckTokenInput } from 'reset-kit/core'
import { createHttpAdapter } from 'reset-kit/http'
import { createStackAuthAdapter } from 'reset-kit/stack-auth'
import { createStytchAdapter } from 'reset-kit/stytch'
import { createSupabaseAdapter } from 'reset-kit/supabase'
import 'reset-kit/styles.css'

export const adapters: ResetAdapter[] = [
  createStytchAdapter({ publicToken: 'public-token-test-0' }),
  createHttpAdapter({ id: 'api', startUrl: 'https://a.example/start', completeUrl: 'https://a.example/complete' }),
  createStackAuthAdapter({ projectId: 'p', publishableClientKey: 'pck_x' }),
  createSupabaseAdapter({ url: 'https://x.supabase.co', anonKey: 'anon' }),
  createBetterAuthAdapter({ baseUrl: 'https://a.example' }),
]

// @ts-expect-error publicToken is a string
createStytchAdapter({ publicToken: 1 })

export const code: ResetErrorCode = 'token_expired'
// @ts-expect-error not a reset-kit error code
export const notACode: ResetErrorCode = 'nope'
export const codes: readonly string[] = RESET_ERROR_CODES
export const title: string = ({} as ResetKitMessages).forgot.title
export const check = (input: CheckTokenInput): string => input.token
export const pair: Promise<{ verifier: string; challenge: string }> = createPkcePair()
export const known = (value: unknown): boolean => isResetError(value) && value instanceof ResetError

export function pages(adapter: ResetAdapter): ReactElement[] {
  return [
    <ForgotPasswordForm key="f" adapter={adapter} redirectUrl="https://a.example/reset-password" />,
    <ResetKitProvider key="p" adapter={adapter}>
      <ResetPasswordPage forgotPasswordUrl="/forgot-password" />
    </ResetKitProvider>,
  ]
}
