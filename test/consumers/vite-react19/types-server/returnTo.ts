// A Node server that checks what its own reset endpoint is sent with reset-kit/core: no DOM lib,
// only Node's types, and every declaration file checked (skipLibCheck off).
import type { IncomingMessage } from 'node:http'
import * as core from 'reset-kit/core'
import { normalizeEmail, RESET_ERROR_CODES, safeReturnTo, type ResetErrorCode } from 'reset-kit/core'

/** Where to send the user after the reset, and the address the request was for. */
export function readResetRequest(request: IncomingMessage, body: { email: string; returnTo: string }) {
  const origin = `https://${request.headers.host ?? 'app.example'}`
  return { email: normalizeEmail(body.email), returnTo: safeReturnTo(body.returnTo, '/', origin) }
}

export const codes: readonly ResetErrorCode[] = RESET_ERROR_CODES
export const entry: typeof core = core
