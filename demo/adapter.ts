import { createBetterAuthAdapter } from '../src/adapters/better-auth'
import { createHttpAdapter } from '../src/adapters/http'
import { createStackAuthAdapter } from '../src/adapters/stack-auth'
import { createStytchAdapter } from '../src/adapters/stytch'
import { createSupabaseAdapter } from '../src/adapters/supabase'
import type { ResetAdapter } from '../src/core/ResetAdapter'
import { BACKEND_PARAM, type DemoBackend } from './backends'
import { DEMO_PUBLIC_TOKEN, DEMO_STACK_AUTH_PROJECT, DEMO_SUPABASE_ANON_KEY } from './emulator/demoProjects'
import { HTTP_ROUTES } from './emulator/httpRoutes'
import {
  BETTER_AUTH_BASE_PATH,
  HTTP_MOUNT_PATH,
  STACK_AUTH_MOUNT_PATH,
  STYTCH_MOUNT_PATH,
  SUPABASE_MOUNT_PATH,
} from './emulator/mountPaths'

// The demo's integration config: what a host app writes once per backend. Each adapter points at
// this origin, where the dev server runs the emulators and a real Better Auth server.

/** The Stytch emulator's mount point on this origin; the adapter appends `/sdk/v1/...`. */
export const DEMO_API_BASE_URL = new URL(STYTCH_MOUNT_PATH, window.location.origin).href

/**
 * Absolute URL of the page the emailed link opens for `backend`: configured, never taken from the
 * address bar's path. It names the backend so the link works in any browser, whatever its switcher
 * says.
 */
export function redirectUrlFor(backend: DemoBackend): string {
  const url = new URL('/reset', window.location.origin)
  url.searchParams.set(BACKEND_PARAM, backend)
  return url.href
}

function createAdapter(backend: DemoBackend): ResetAdapter {
  switch (backend) {
    case 'stytch':
      return createStytchAdapter({ publicToken: DEMO_PUBLIC_TOKEN, apiBaseUrl: DEMO_API_BASE_URL })
    case 'stack-auth':
      return createStackAuthAdapter({
        projectId: DEMO_STACK_AUTH_PROJECT.projectId,
        publishableClientKey: DEMO_STACK_AUTH_PROJECT.publishableClientKey,
        baseUrl: new URL(STACK_AUTH_MOUNT_PATH, window.location.origin).href,
      })
    case 'supabase':
      return createSupabaseAdapter({
        url: new URL(SUPABASE_MOUNT_PATH, window.location.origin).href,
        anonKey: DEMO_SUPABASE_ANON_KEY,
      })
    case 'better-auth':
      // Better Auth on the page's own origin, as most apps run it: no `baseUrl`.
      return createBetterAuthAdapter({ basePath: BETTER_AUTH_BASE_PATH })
    case 'http':
      // What an app with its own endpoint writes: paths on its own origin. `checkUrl` lets a dead
      // link get its screen before typing.
      return createHttpAdapter({
        id: 'http',
        startUrl: HTTP_MOUNT_PATH + HTTP_ROUTES.start,
        checkUrl: HTTP_MOUNT_PATH + HTTP_ROUTES.check,
        completeUrl: HTTP_MOUNT_PATH + HTTP_ROUTES.complete,
      })
  }
}

// One adapter per backend for the page's lifetime: adapters may hold state between calls (the
// Supabase one keeps its exchanged session so a refused password can be retried).
const adapters = new Map<DemoBackend, ResetAdapter>()

/** The adapter for `backend`, created on first use and reused after. */
export function adapterFor(backend: DemoBackend): ResetAdapter {
  let adapter = adapters.get(backend)
  if (!adapter) {
    adapter = createAdapter(backend)
    adapters.set(backend, adapter)
  }
  return adapter
}
