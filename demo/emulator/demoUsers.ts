import type { DemoUser } from './Emulator'

/** The seeded demo accounts, the same for every backend. */
export const DEFAULT_EMULATOR_USERS: readonly DemoUser[] = [
  { email: 'ada@example.com', password: 'correct horse battery' },
  { email: 'grace@example.com', password: 'hopper-1906' },
]
