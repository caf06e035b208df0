import { useCallback, useEffect, useRef, useState } from 'react'
import { BACKEND_LABELS, isDemoBackend } from './backends'
import type { OutboxEmail } from './emulator/Emulator'

/** The emulator's outbox endpoint on this origin (see `emulator/createEmulatorMiddleware.ts`). */
export const OUTBOX_URL = '/__emulator/outbox'

/** Props for {@link OutboxPage}. */
export interface OutboxPageProps {
  /**
   * How often to fetch the outbox again, in milliseconds.
   * @default 2000
   */
  pollIntervalMs?: number
}

/**
 * `/outbox`: the emails every backend "sent", newest first, each with its reset link. Links open
 * in a new tab, like a mail client's, so the demo exercises the fresh-tab path (a new
 * sessionStorage) that PKCE has to survive.
 */
export function OutboxPage({ pollIntervalMs = 2000 }: OutboxPageProps) {
  const [emails, setEmails] = useState<readonly OutboxEmail[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [clearing, setClearing] = useState(false)
  // Polls, manual refreshes and the refresh after a clear can overlap; only the newest may win.
  const latestRequest = useRef(0)

  const refresh = useCallback(async (signal?: AbortSignal) => {
    const request = ++latestRequest.current
    try {
      const response = await fetch(OUTBOX_URL, { cache: 'no-store', signal })
      if (!response.ok) throw new Error(`GET ${OUTBOX_URL} answered ${response.status}`)
      const list = toOutbox(await response.json())
      if (request !== latestRequest.current) return
      setEmails(list)
      setFailed(false)
    } catch {
      if (signal?.aborted || request !== latestRequest.current) return
      setFailed(true)
    }
  }, [])

  useEffect(() => {
    const controller = new AbortController()
    void refresh(controller.signal)
    const timer = window.setInterval(() => void refresh(controller.signal), pollIntervalMs)
    return () => {
      window.clearInterval(timer)
      controller.abort()
    }
  }, [refresh, pollIntervalMs])

  async function clear() {
    setClearing(true)
    try {
      const response = await fetch(OUTBOX_URL, { method: 'DELETE', cache: 'no-store' })
      if (!response.ok) throw new Error(`DELETE ${OUTBOX_URL} answered ${response.status}`)
      await refresh()
    } catch {
      setFailed(true)
    } finally {
      setClearing(false)
    }
  }

  return (
    <section className="demo-page" aria-labelledby="outbox-title">
      <h1 id="outbox-title">Outbox</h1>
      <p>
        Emails the local backends “sent”, whichever one you used. Each link opens in a new tab, as it would from a mail
        client. Clearing the outbox also forgets issued links and rate limits and restores the demo passwords.
      </p>
      <div className="demo-toolbar">
        <button type="button" className="demo-button" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" className="demo-button" onClick={() => void clear()} disabled={clearing}>
          Clear outbox
        </button>
      </div>
      {failed && (
        <p role="alert" className="demo-error">
          Could not reach the emulator. Is <code>npm run dev</code> still running?
        </p>
      )}
      <p role="status" className="demo-status">
        {emails === null ? 'Loading…' : emails.length === 1 ? '1 email' : `${emails.length} emails`}
      </p>
      {emails !== null && emails.length === 0 && (
        <p>No emails yet. Request a reset for ada@example.com and it will show up here.</p>
      )}
      {emails !== null && emails.length > 0 && (
        <ol className="demo-outbox" aria-label="Emails, newest first">
          {emails.map((email) => (
            <li key={email.id} className="demo-email">
              <article aria-labelledby={`email-${email.id}-subject`}>
                <h2 id={`email-${email.id}-subject`} className="demo-email-subject">
                  {email.subject}
                </h2>
                <dl className="demo-email-meta">
                  <dt>Backend</dt>
                  <dd>{isDemoBackend(email.backend) ? BACKEND_LABELS[email.backend] : email.backend}</dd>
                  <dt>To</dt>
                  <dd>{email.to}</dd>
                  <dt>Sent</dt>
                  <dd>
                    <time dateTime={email.createdAt}>{new Date(email.createdAt).toLocaleString()}</time>
                  </dd>
                  <dt>Locale</dt>
                  <dd>{email.locale}</dd>
                </dl>
                <a href={email.link} target="_blank" rel="noopener" className="demo-button demo-button--primary">
                  Open reset link
                </a>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function toOutbox(value: unknown): OutboxEmail[] {
  if (!Array.isArray(value)) throw new TypeError('The outbox is not a list.')
  return value.filter(isOutboxEmail)
}

function isOutboxEmail(value: unknown): value is OutboxEmail {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return ['id', 'backend', 'to', 'subject', 'locale', 'link', 'createdAt'].every(
    (key) => typeof record[key] === 'string',
  )
}
