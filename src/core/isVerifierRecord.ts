import type { VerifierRecord } from './VerifierStore'

// \w is [A-Za-z0-9_] (no `u` or `i` flag): RFC 7636's unreserved characters, and base64url.
const VERIFIER = /^[\w.~-]{43,128}$/
const CHALLENGE = /^[\w-]{43}$/

/**
 * True when a parsed value is a well-formed, unexpired record of the given adapter. Only
 * `expiresAt` is held against `now`: a `createdAt` ahead of it means the device's clock was set
 * back since the record was made (a fast clock corrected), which must not lose the link.
 */
export function isVerifierRecord(value: unknown, adapterId: string, now: number = Date.now()): value is VerifierRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<VerifierRecord>
  return (
    record.v === 1 &&
    record.adapterId === adapterId &&
    typeof record.verifier === 'string' &&
    VERIFIER.test(record.verifier) &&
    typeof record.challenge === 'string' &&
    CHALLENGE.test(record.challenge) &&
    typeof record.createdAt === 'number' &&
    typeof record.expiresAt === 'number' &&
    record.expiresAt > now
  )
}

/** Parses stored text into a record, or `undefined` for anything corrupt, foreign or expired. */
export function parseVerifierRecord(
  text: string | null,
  adapterId: string,
  now: number = Date.now(),
): VerifierRecord | undefined {
  try {
    // A missing record (null) parses as null, which is no record.
    const value: unknown = JSON.parse(text!)
    return isVerifierRecord(value, adapterId, now) ? value : undefined
  } catch {
    return undefined
  }
}
