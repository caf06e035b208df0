import type { DemoBackend } from './backends'
import { DEMO_PUBLIC_TOKEN, DEMO_STACK_AUTH_PROJECT, DEMO_SUPABASE_ANON_KEY } from './emulator/demoProjects'
import { HTTP_ROUTES } from './emulator/httpRoutes'
import {
  BETTER_AUTH_BASE_PATH,
  HTTP_MOUNT_PATH,
  STACK_AUTH_MOUNT_PATH,
  STYTCH_MOUNT_PATH,
  SUPABASE_MOUNT_PATH,
} from './emulator/mountPaths'

// Each backend's own password sign-in, as the host app's sign-in page would call it. The kit has
// no sign-in; the demo has one so a new password can be tried where it was set.
function requestFor(backend: DemoBackend): [string, RequestInit] {
  const json = { 'Content-Type': 'application/json' }
  switch (backend) {
    case 'stytch':
      return [
        `${STYTCH_MOUNT_PATH}/sdk/v1/passwords/authenticate`,
        { headers: { ...json, Authorization: `Basic ${btoa(`${DEMO_PUBLIC_TOKEN}:${DEMO_PUBLIC_TOKEN}`)}` } },
      ]
    case 'stack-auth':
      return [
        `${STACK_AUTH_MOUNT_PATH}/api/v1/auth/password/sign-in`,
        {
          headers: {
            ...json,
            'X-Stack-Project-Id': DEMO_STACK_AUTH_PROJECT.projectId,
            'X-Stack-Publishable-Client-Key': DEMO_STACK_AUTH_PROJECT.publishableClientKey,
            'X-Stack-Access-Type': 'client',
          },
        },
      ]
    case 'supabase':
      return [
        `${SUPABASE_MOUNT_PATH}/auth/v1/token?grant_type=password`,
        { headers: { ...json, apikey: DEMO_SUPABASE_ANON_KEY } },
      ]
    case 'better-auth':
      return [`${BETTER_AUTH_BASE_PATH}/sign-in/email`, { headers: json, credentials: 'same-origin' }]
    case 'http':
      return [`${HTTP_MOUNT_PATH}${HTTP_ROUTES.signIn}`, { headers: json }]
  }
}

/** The sign-in request for `backend` on the demo served at `origin`; the browser tests send it too. */
export function signInRequest(backend: DemoBackend, origin: string, email: string, password: string): Request {
  const [path, init] = requestFor(backend)
  return new Request(new URL(path, origin), { ...init, method: 'POST', body: JSON.stringify({ email, password }) })
}

/** Signs in with `backend`'s own endpoint: true when the password is the account's current one. */
export async function signIn(backend: DemoBackend, email: string, password: string): Promise<boolean> {
  return (await fetch(signInRequest(backend, window.location.origin, email, password))).ok
}
