import { optionError } from '../../core/optionError'
import { describeValue } from './describeValue'

/**
 * Checks the `id` option of an adapter factory, after its default is applied: a non-empty
 * string, since it namespaces the kit's storage keys. Throws a `TypeError` with the fix (in
 * production builds, a short one naming the option; see {@link optionError}).
 */
export function assertAdapterId(value: unknown, example: string): string {
  if (typeof value !== 'string' || value === '') {
    throw optionError(
      'id',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`id\` must be a non-empty string naming the backend, such as "${example}"; got ${describeValue(value)}.`,
    )
  }
  return value
}
