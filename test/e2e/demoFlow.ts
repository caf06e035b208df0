import type { Browser, BrowserContext, BrowserContextOptions, Page, Request } from 'playwright-core'
import { DEMO_PUBLIC_TOKEN } from '../../demo/emulator/demoProjects'
import type { OutboxEmail } from '../../demo/emulator/Emulator'
import { signInRequest } from '../../demo/signIn'
import * as stackAuth from '../adapters/fixtures/stackAuth'
import type { DemoServer } from './startDemo'

// Small steps the real-browser tests share: talking to the demo's emulator endpoints and walking
// the demo's two pages the way a person does (by role and visible text, never by timing).

export type { OutboxEmail }

/** A backend of the demo's switcher. */
export type DemoBackend = 'stytch' | 'stack-auth' | 'supabase' | 'better-auth' | 'http'

/** The Stytch emulator's public token, as the demo sends it. */
export { DEMO_PUBLIC_TOKEN }

/** Path fragments of the kit's own calls to each emulated backend. */
export const STYTCH_START = '/__emulator/stytch/sdk/v1/passwords/email/reset/start'
export const STYTCH_COMPLETE = '/__emulator/stytch/sdk/v1/passwords/email/reset'

/** Clears the outbox and every backend's links, limits and passwords (not the Stytch rate setting). */
export async function resetEmulators(demo: DemoServer): Promise<void> {
  const response = await fetch(`${demo.url}/__emulator/outbox`, { method: 'DELETE' })
  if (!response.ok) throw new Error(`DELETE /__emulator/outbox answered ${response.status}`)
}

/** Sets how many start requests per address and minute the Stytch emulator allows (5 by default). */
export async function setStytchRateLimit(demo: DemoServer, rateLimitPerMinute: number): Promise<void> {
  const response = await fetch(`${demo.url}/__emulator/config`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rateLimitPerMinute }),
  })
  if (!response.ok) throw new Error(`POST /__emulator/config answered ${response.status}`)
}

/** Moves the emulators' clock forward (links expire, rate-limit windows pass). */
export async function advanceEmulatorClock(demo: DemoServer, advanceMs: number): Promise<void> {
  const response = await fetch(`${demo.url}/__emulator/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs }),
  })
  if (!response.ok) throw new Error(`POST /__emulator/clock answered ${response.status}`)
}

/** Every email the backends "sent", newest first. */
export async function readOutbox(demo: DemoServer): Promise<OutboxEmail[]> {
  return (await (await fetch(`${demo.url}/__emulator/outbox`)).json()) as OutboxEmail[]
}

/** The newest email to `to` (from `backend`, when given); throws when there is none. */
export async function latestEmail(demo: DemoServer, to: string, backend?: DemoBackend): Promise<OutboxEmail> {
  const email = (await readOutbox(demo)).find(
    (candidate) => candidate.to === to && (!backend || candidate.backend === backend),
  )
  if (!email) throw new Error(`no email to ${to}${backend ? ` from ${backend}` : ''} in the outbox`)
  return email
}

/** Stytch's password sign-in on the emulator: 200 when `password` is the current one. */
export async function stytchSignIn(demo: DemoServer, email: string, password: string): Promise<number> {
  return (await fetch(signInRequest('stytch', demo.url, email, password))).status
}

/** A fresh browser profile (another device, in effect), its switcher on `backend` when given. */
export async function newDemoContext(
  browser: Browser,
  options: BrowserContextOptions & { backend?: DemoBackend } = {},
): Promise<BrowserContext> {
  const { backend, ...contextOptions } = options
  const context = await browser.newContext(contextOptions)
  if (backend) await context.addInitScript((chosen) => window.localStorage.setItem('demo:backend', chosen), backend)
  return context
}

/**
 * Opens the forgot-password page (the demo's, or a host page's at `path`) and asks for a link for
 * `email`, up to the confirmation.
 */
export async function requestLink(page: Page, demo: DemoServer, email: string, path = '/'): Promise<void> {
  await page.goto(`${demo.url}${path}`)
  await page.getByRole('textbox', { name: 'Email address' }).fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
}

/**
 * Opens the demo's reset page on a Stack Auth link whose check this page answers as valid, up to
 * the new-password form: no email is asked for, and the link cannot be completed.
 */
export async function openStackResetForm(page: Page, demo: DemoServer): Promise<void> {
  await page.route('**/__emulator/stack-auth/api/v1/auth/password/reset/check-code', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stackAuth.checkCodeOk) }),
  )
  await page.goto(`${demo.url}/reset?backend=stack-auth&code=${'a'.repeat(45)}`)
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
}

/** Types `password` in both fields of the reset page and submits. */
export async function choosePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('Confirm new password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
}

/** The `reset-kit:` keys in this page's localStorage and sessionStorage, sorted. */
export async function kitStorageKeys(page: Page): Promise<{ local: string[]; session: string[] }> {
  return page.evaluate(() => {
    const keys = (storage: Storage) =>
      Object.keys(storage)
        .filter((key) => key.startsWith('reset-kit:'))
        .sort()
    return { local: keys(localStorage), session: keys(sessionStorage) }
  })
}

/** A request the page made, as the browser sent it. */
export interface SeenRequest {
  method: string
  url: string
  body: string | null
}

/** Records every request the page makes to `path` (the URL's exact pathname on any origin). */
export function recordRequests(page: Page, path: string): SeenRequest[] {
  const seen: SeenRequest[] = []
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname === path)
      seen.push({ method: request.method(), url: request.url(), body: request.postData() })
  })
  return seen
}

/** A promise with its resolver, for a test to hold a routed request until it chooses. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}
