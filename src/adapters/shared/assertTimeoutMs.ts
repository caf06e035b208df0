/**
 * Checks the `timeoutMs` option of an adapter factory: absent, or a positive finite number of
 * milliseconds. Throws a `TypeError` with the fix.
 */
export function assertTimeoutMs(value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(
      `reset-kit: \`timeoutMs\` must be a positive number of milliseconds, such as 15000; got ${JSON.stringify(value)}.`,
    )
  }
  return value
}
