/**
 * The password lengths Stack Auth accepts, counted as JavaScript string length (UTF-16 code units).
 * They are constants in Stack's server (`getPasswordError` in `@stackframe/stack-shared`), not
 * project settings.
 */
export const STACK_AUTH_PASSWORD_LENGTH = Object.freeze({ min: 8, max: 70 })
