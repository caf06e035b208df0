/** Where the emulated Stytch API is mounted; the Stytch adapter's `apiBaseUrl` points here. */
export const STYTCH_MOUNT_PATH = '/__emulator/stytch'
/** Where the emulated Stack Auth API is mounted; the Stack Auth adapter's `baseUrl` points here. */
export const STACK_AUTH_MOUNT_PATH = '/__emulator/stack-auth'
/** Where the emulated Supabase project is mounted: the Supabase adapter's `url` points here. */
export const SUPABASE_MOUNT_PATH = '/__emulator/supabase'
/** Where the demo's own-endpoint emulator is mounted: `createHttpAdapter`'s URLs start here. */
export const HTTP_MOUNT_PATH = '/__emulator/http'
/** Where the demo's real Better Auth server is mounted (Better Auth's default base path). */
export const BETTER_AUTH_BASE_PATH = '/api/auth'
/** `GET` lists the outbox, newest first; `DELETE` resets every backend. */
export const OUTBOX_PATH = '/__emulator/outbox'
/** `GET` reads the emulators' settings; `POST { rateLimitPerMinute }` changes Stytch's. */
export const CONFIG_PATH = '/__emulator/config'
/** `GET` reads the emulators' clock; `POST { advanceMs }` moves it forward. */
export const CLOCK_PATH = '/__emulator/clock'
