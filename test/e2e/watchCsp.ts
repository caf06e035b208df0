import type { BrowserContext } from 'playwright-core'

/** The strict policy the demo is served with: no inline script or style, nothing from elsewhere. */
export const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** A violation as the page's `securitypolicyviolation` event reports it. */
export interface CspViolation {
  directive: string
  blocked: string
  sample: string
}

/** What {@link watchCsp} collects, filled in as the pages of the context run. */
export interface CspWatch {
  violations: CspViolation[]
  consoleErrors: string[]
  pageErrors: string[]
}

/**
 * Collects every CSP (and Trusted Types) violation of every page in `context` twice over: the
 * `securitypolicyviolation` event each page fires, and the console error Chromium logs for it;
 * and every uncaught page error.
 */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const seen: CspWatch = { violations: [], consoleErrors: [], pageErrors: [] }
  // A binding and an init script are installed over CDP, outside the page's policy.
  await context.exposeBinding('__reportCspViolation', (_source, violation: CspViolation) => {
    seen.violations.push(violation)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(violation: unknown): void }).__reportCspViolation
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample })
    })
  })
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to|TrustedHTML|TrustedScript|Trusted Type/i.test(message.text()))
      seen.consoleErrors.push(message.text())
  })
  context.on('page', (page) => page.on('pageerror', (error) => seen.pageErrors.push(String(error))))
  return seen
}
