/** The backends the demo can switch between. */
export const DEMO_BACKENDS = ['stytch', 'stack-auth', 'supabase', 'better-auth', 'http'] as const

/** One of {@link DEMO_BACKENDS}. */
export type DemoBackend = (typeof DEMO_BACKENDS)[number]

/** The backend the demo starts with. */
export const DEFAULT_BACKEND: DemoBackend = 'stytch'

/** localStorage key of the switcher's choice. */
export const BACKEND_STORAGE_KEY = 'demo:backend'

/** URL param the demo's reset links carry, so a link opened anywhere uses the backend that sent it. */
export const BACKEND_PARAM = 'backend'

/** How the switcher and the footer name each backend. */
export const BACKEND_LABELS: Record<DemoBackend, string> = {
  stytch: 'Stytch (emulated)',
  'stack-auth': 'Stack Auth (emulated)',
  supabase: 'Supabase (emulated)',
  'better-auth': 'Better Auth (real server)',
  http: 'Your own endpoint',
}

/** What stands behind each backend in this demo, for the footer. */
export const BACKEND_DESCRIPTIONS: Record<DemoBackend, string> = {
  stytch: 'This demo talks to a local Stytch emulator.',
  'stack-auth': 'This demo talks to a local Stack Auth emulator.',
  supabase: 'This demo talks to a local Supabase Auth emulator.',
  'better-auth':
    'This demo talks to a real Better Auth server running inside the dev server, with an in-memory database.',
  http: 'This demo talks to a local server that speaks the kit’s own HTTP contract, through createHttpAdapter.',
}

/** True for one of {@link DEMO_BACKENDS}. */
export function isDemoBackend(value: unknown): value is DemoBackend {
  return typeof value === 'string' && (DEMO_BACKENDS as readonly string[]).includes(value)
}
