import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { createEmulatorClock } from '../../demo/emulator/createEmulatorClock'
import { createStackAuthEmulator } from '../../demo/emulator/createStackAuthEmulator'
import { createStytchEmulator } from '../../demo/emulator/createStytchEmulator'
import { DEMO_STACK_AUTH_PROJECT } from '../../demo/emulator/demoProjects'
import type { EmulatorClock, EmulatorRequest, EmulatorResponse } from '../../demo/emulator/Emulator'
import type { StackAuthEmulator, StackAuthEmulatorOptions } from '../../demo/emulator/StackAuthEmulator'
import type { StytchEmulator, StytchEmulatorOptions } from '../../demo/emulator/StytchEmulator'
import { createStackAuthAdapter } from '../../src/adapters/stack-auth'
import { createStytchAdapter } from '../../src/adapters/stytch'
import {
  clearCallbackToken,
  createPkcePair,
  createWebStorageVerifierStore,
  retryDeadline,
  type ResetAdapter,
} from '../../src/core'

/** The app the stories pretend to be: the emulators accept redirects to this origin only. */
export const APP_ORIGIN = 'https://app.example.com'
/** Where the emailed links lead: the page that renders `<ResetPasswordPage>`. */
export const REDIRECT_URL = `${APP_ORIGIN}/reset-password`
/** A seeded account of the emulators (password "correct horse battery"). */
export const KNOWN_EMAIL = 'ada@example.com'

/** A Stytch test-environment public token: the adapter sends it to test.stytch.com. */
const STYTCH_PUBLIC_TOKEN = 'public-token-test-5e8c1b2a-0d4f-4f6a-9c3e-7b1d2a3c4e5f'
/** The Stytch host a `public-token-test-…` talks to; msw answers for it. */
export const STYTCH_API = 'https://test.stytch.com'
/** Stack Auth's hosted API, the adapter's default; msw answers for it. */
export const STACK_AUTH_API = 'https://api.stack-auth.com'

/** The endpoints the adapters call, for stories that answer one of them differently. */
export const ENDPOINTS = {
  stytchStart: `${STYTCH_API}/sdk/v1/passwords/email/reset/start`,
  stytchReset: `${STYTCH_API}/sdk/v1/passwords/email/reset`,
  stackSendCode: `${STACK_AUTH_API}/api/v1/auth/password/send-reset-code`,
  stackCheckCode: `${STACK_AUTH_API}/api/v1/auth/password/reset/check-code`,
  stackReset: `${STACK_AUTH_API}/api/v1/auth/password/reset`,
} as const

interface Handles {
  handle(request: EmulatorRequest): Promise<EmulatorResponse>
}

/** Hands one intercepted request to an emulator and puts its answer on the wire as it is. */
export async function answerWith(emulator: Handles, request: Request): Promise<Response> {
  const url = new URL(request.url)
  const text = await request.text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  const answer = await emulator.handle({
    method: request.method,
    path: url.pathname + url.search,
    headers: Object.fromEntries(request.headers.entries()),
    body,
  })
  return new HttpResponse(answer.body === undefined ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers: answer.headers,
  })
}

/**
 * A recorded vendor response (status, JSON body, headers), such as the fixtures in
 * test/adapters/fixtures, as an msw resolver.
 */
export function recorded(fixture: { status: number; body: unknown; headers?: Record<string, string> }) {
  return () =>
    HttpResponse.json(fixture.body as Record<string, unknown>, { status: fixture.status, headers: fixture.headers })
}

/** A resolver that never answers: the request stays in flight, for stories of a pending state. */
export function neverAnswers() {
  return async () => {
    await delay('infinite')
    return new HttpResponse(null, { status: 504 })
  }
}

/**
 * Forgets what earlier renders of a story left in this browser for its adapter: verifier, token
 * and rate-limit deadline. Each story has its own adapter id, so stories that share a page (the
 * docs) never share storage either.
 */
export async function forgetBrowserState(adapter: ResetAdapter): Promise<void> {
  await createWebStorageVerifierStore().remove(adapter.id)
  clearCallbackToken(adapter.id)
  retryDeadline.clear(adapter.id)
}

/**
 * "Opens" an emailed link in this tab: copies its query params (the token and the rest) onto the
 * current URL, as the browser would on arrival. The kit then reads the token and strips it.
 */
export function openLink(link: string): void {
  const url = new URL(window.location.href)
  for (const [name, value] of new URL(link).searchParams) url.searchParams.set(name, value)
  window.history.replaceState(window.history.state, '', url.href)
}

/** A Stytch backend for one story: its own emulator, handlers and adapter. */
export interface StytchBackend {
  adapter: ResetAdapter
  emulator: StytchEmulator
  /** msw handlers that put the emulator at test.stytch.com. */
  handlers: HttpHandler[]
  /** Loader: a fresh emulator state and no leftovers in this browser. */
  fresh: () => Promise<void>
}

/**
 * Stytch, through the adapter's browser mode (public token, PKCE), backed by the Stytch emulator.
 * `name` makes the adapter id (`stytch-<name>`), so each story keeps its own storage keys.
 */
export function stytchBackend(name: string, options: StytchEmulatorOptions = {}): StytchBackend {
  const emulator = createStytchEmulator({ allowedRedirectOrigins: [APP_ORIGIN], ...options })
  const adapter = createStytchAdapter({ publicToken: STYTCH_PUBLIC_TOKEN, id: `stytch-${name}` })
  return {
    adapter,
    emulator,
    handlers: [http.post(`${STYTCH_API}/sdk/v1/*`, ({ request }) => answerWith(emulator, request))],
    fresh: async () => {
      emulator.reset()
      await forgetBrowserState(adapter)
    },
  }
}

/**
 * Asks the emulator for a reset email the way `<ForgotPasswordForm>` does (a PKCE pair made and
 * stored with the core APIs, then the adapter's start call over msw) and returns the emailed link.
 * With `keepVerifier: false` the verifier is not stored: the link was asked for in another browser.
 */
export async function requestStytchLink(backend: StytchBackend, { keepVerifier = true } = {}): Promise<string> {
  const { verifier, challenge } = await createPkcePair()
  if (keepVerifier) {
    const now = Date.now()
    await createWebStorageVerifierStore().save({
      v: 1,
      verifier,
      challenge,
      createdAt: now,
      expiresAt: now + 30 * 60_000,
      adapterId: backend.adapter.id,
    })
  }
  await backend.adapter.startReset({
    email: KNOWN_EMAIL,
    redirectUrl: REDIRECT_URL,
    locale: 'en',
    codeChallenge: challenge,
    signal: new AbortController().signal,
  })
  const [email] = backend.emulator.outbox
  if (!email) throw new Error('The Stytch emulator sent no email.')
  return email.link
}

/** A Stack Auth backend for one story: its own emulator, clock, handlers and adapter. */
export interface StackAuthBackend {
  adapter: ResetAdapter
  emulator: StackAuthEmulator
  /** The emulator's clock, to make links expire without waiting a week. */
  clock: EmulatorClock
  /** msw handlers that put the emulator at api.stack-auth.com. */
  handlers: HttpHandler[]
  /** Loader: a fresh emulator state and no leftovers in this browser. */
  fresh: () => Promise<void>
}

/**
 * Stack Auth (no PKCE, a non-consuming check of the link), backed by the Stack Auth emulator.
 * `name` makes the adapter id (`stack-auth-<name>`).
 */
export function stackAuthBackend(name: string, options: Omit<StackAuthEmulatorOptions, 'now'> = {}): StackAuthBackend {
  const clock = createEmulatorClock()
  const emulator = createStackAuthEmulator({ allowedRedirectOrigins: [APP_ORIGIN], ...options, now: clock.now })
  const adapter = createStackAuthAdapter({
    projectId: DEMO_STACK_AUTH_PROJECT.projectId,
    publishableClientKey: DEMO_STACK_AUTH_PROJECT.publishableClientKey,
    id: `stack-auth-${name}`,
  })
  return {
    adapter,
    emulator,
    clock,
    handlers: [http.post(`${STACK_AUTH_API}/api/v1/auth/password/*`, ({ request }) => answerWith(emulator, request))],
    fresh: async () => {
      emulator.reset()
      clock.reset()
      await forgetBrowserState(adapter)
    },
  }
}

/** Asks the Stack Auth emulator for a reset email through the adapter and returns the link. */
export async function requestStackAuthLink(backend: StackAuthBackend): Promise<string> {
  await backend.adapter.startReset({
    email: KNOWN_EMAIL,
    redirectUrl: REDIRECT_URL,
    locale: 'en',
    signal: new AbortController().signal,
  })
  const [email] = backend.emulator.outbox
  if (!email) throw new Error('The Stack Auth emulator sent no email.')
  return email.link
}
