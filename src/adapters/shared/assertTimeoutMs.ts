import { optionError } from '../../core/optionError'

/**
 * Checks the `timeoutMs` option of an adapter factory: absent, or a positive finite number of
 * milliseconds. Throws a `TypeError` with the fix (in production builds, a short one naming the
 * option; see {@link optionError}).
 */
export function assertTimeoutMs(value: unknown): number | undefined {
  // Number.isFinite is false for anything but a finite number (a numeric string too).
  if (value !== undefined && (!Number.isFinite(value) || (value as number) <= 0)) {
    throw optionError(
      'timeoutMs',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`timeoutMs\` must be a positive number of milliseconds, such as 15000; got ${JSON.stringify(value)}.`,
    )
  }
  return value as number | undefined
}
