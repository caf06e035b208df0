/**
 * `table[key]` when it is one of the table's own entries. A code from a backend or a caller is
 * untrusted text: "constructor" or "__proto__" must find nothing, not a member of Object.prototype.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
}
