import { base64UrlEncode } from './base64Url'
import type { StackAuthProject } from './StackAuthEmulator'

// The demo's project settings, shared by the emulators (which accept them) and the demo app
// (which sends them). Small and dependency-free so the browser bundle can import it.

/** The demo's Stack Auth project: what `demo/adapter.ts` sends. */
export const DEMO_STACK_AUTH_PROJECT: StackAuthProject = {
  projectId: '5f0c6a5e-0d3a-4c8e-9b1e-7d2f4a6c8e10',
  publishableClientKey: 'pck_demo_8x4k2m9q7w3e5r1t6y0u8i2o4p6a3s5d7f9g1h3j',
  displayName: 'reset-kit demo',
}

const encodeJson = (value: unknown) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)))

/**
 * The demo Supabase project's anon key: shaped like one (a JWT whose role is `anon`) but signed by
 * nothing; the emulator only compares it. Public by design, like every anon key.
 */
export const DEMO_SUPABASE_ANON_KEY = [
  encodeJson({ alg: 'HS256', typ: 'JWT' }),
  encodeJson({ iss: 'reset-kit-emulator', ref: 'demo', role: 'anon', iat: 1_767_225_600, exp: 2_082_758_400 }),
  'ZW11bGF0b3Itbm90LXNpZ25lZA',
].join('.')

/** A Stytch test-environment public token; the emulator accepts any `public-token-…`. */
export const DEMO_PUBLIC_TOKEN = 'public-token-test-00000000-0000-0000-0000-000000000000'
