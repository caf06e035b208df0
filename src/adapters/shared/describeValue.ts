/**
 * A bad option value as a misuse message quotes it: numbers as written (`NaN` stays `NaN`),
 * anything JSON can show as JSON, and the rest (`undefined`, a function) by `String`.
 */
export function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value))
}
