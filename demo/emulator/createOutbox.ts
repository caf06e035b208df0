import type { EmulatorBackend, NewOutboxEmail, Outbox, OutboxEmail } from './Emulator'

/**
 * Creates the in-memory outbox the emulators and the demo's Better Auth server write to.
 *
 * @example
 * const outbox = createOutbox()
 * createStytchEmulator({ outbox })
 */
export function createOutbox(): Outbox {
  let emails: OutboxEmail[] = []
  return {
    get emails() {
      return emails.map((email) => ({ ...email }))
    },
    send(email) {
      const { backend, ...rest } = email
      const stored: OutboxEmail = { id: crypto.randomUUID(), backend, ...rest }
      emails = [stored, ...emails]
      return { ...stored }
    },
    clear(backend?: EmulatorBackend) {
      emails = backend === undefined ? [] : emails.filter((email) => email.backend !== backend)
    },
  }
}

/** The part of an outbox one backend may use: it sees and clears only its own emails. */
export function outboxFor(outbox: Outbox, backend: EmulatorBackend) {
  return {
    get emails(): OutboxEmail[] {
      return outbox.emails.filter((email) => email.backend === backend)
    },
    send(email: Omit<NewOutboxEmail, 'backend'>): OutboxEmail {
      return outbox.send({ ...email, backend })
    },
    clear(): void {
      outbox.clear(backend)
    },
  }
}
