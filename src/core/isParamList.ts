/**
 * True for what `ResetAdapter.tokenParams` must be: a non-empty list of non-empty URL parameter
 * names. Checked by `createHttpAdapter` on its option and, in development, on any adapter a
 * component gets.
 */
export function isParamList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length > 0 && value.every((param) => typeof param === 'string' && param !== '')
}
