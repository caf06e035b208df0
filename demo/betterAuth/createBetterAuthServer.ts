import type { IncomingMessage, ServerResponse } from 'node:http'
import { betterAuth } from 'better-auth'
import { memoryAdapter, type MemoryDB } from 'better-auth/adapters/memory'
import { toNodeHandler } from 'better-auth/node'
import { DEFAULT_EMULATOR_USERS } from '../emulator/demoUsers'
import type { DemoUser } from '../emulator/Emulator'

/** What Better Auth hands to `sendResetPassword`, passed on to {@link BetterAuthServerOptions.onResetEmail}. */
export interface BetterAuthResetEmail {
  user: { id: string; email: string; name: string }
  /** Better Auth's own link: `<baseURL>/reset-password/<token>?callbackURL=<redirectTo>`. */
  url: string
  token: string
}

/** A fixed base URL, or Better Auth's dynamic form that follows the request's host. */
export type BetterAuthBaseURL =
  string | { allowedHosts: string[]; protocol?: 'http' | 'https' | 'auto'; fallback?: string }

/** Options for {@link createBetterAuthServer}. */
export interface BetterAuthServerOptions {
  /** Where the server is reached, such as `http://127.0.0.1:4000`; links and origin checks use it. */
  baseURL: BetterAuthBaseURL
  /**
   * Path the handler is mounted at.
   * @default '/api/auth'
   */
  basePath?: string
  /** Receives every reset email instead of a mail provider. */
  onResetEmail(email: BetterAuthResetEmail): void | Promise<void>
  /**
   * Accounts created through Better Auth's own sign-up at startup and again on `reset()`.
   * @default the demo users (ada@example.com, grace@example.com)
   */
  users?: readonly DemoUser[]
  /**
   * Lifetime of a reset token in seconds (`emailAndPassword.resetPasswordTokenExpiresIn`).
   * @default 3600
   */
  resetPasswordTokenExpiresIn?: number
  /** Extra origins allowed for `redirectTo` / `callbackURL`, besides the base URL's own. */
  trustedOrigins?: string[]
  /**
   * Whether Better Auth's rate limiter runs (3 reset requests a minute per IP, 429 with
   * `X-Retry-After`). Better Auth enables it only in production by default; the demo wants it on.
   * @default true
   */
  rateLimit?: boolean
  /**
   * Better Auth's log level.
   * @default 'error'
   */
  logLevel?: 'debug' | 'info' | 'warn' | 'error'
}

/** A running Better Auth instance with the demo's users, ready to mount on a Node server. */
export interface BetterAuthServer {
  /** The path {@link handler} answers under. */
  readonly basePath: string
  /** A `node:http` / connect handler for requests under {@link basePath}. */
  handler(request: IncomingMessage, response: ServerResponse): Promise<void>
  /** Resolves once the demo users exist. {@link handler} waits for it by itself. */
  readonly ready: Promise<void>
  /** Deletes every user, session and token and signs the demo users up again. */
  reset(): Promise<void>
}

/**
 * A fixed secret for the local demo only. Better Auth signs cookies and tokens with it; nothing
 * it protects outlives the process, and it must never be reused outside this demo.
 */
const DEMO_SECRET = 'reset-kit-demo-only-wrh-YsuAwtcARaiTYQvOo8vPBYHmZ7lb1rA6tzcVQDxt'

/**
 * Creates a real Better Auth server (npm `better-auth`, memory adapter) with email and password
 * sign-in and password reset, seeded with the demo users through its own sign-up endpoint.
 *
 * @example
 * const server = createBetterAuthServer({ baseURL: 'http://127.0.0.1:4000', onResetEmail: ({ url }) => links.push(url) })
 * http.createServer((req, res) => server.handler(req, res)).listen(4000)
 */
export function createBetterAuthServer(options: BetterAuthServerOptions): BetterAuthServer {
  const basePath = options.basePath ?? '/api/auth'
  const users = options.users ?? DEFAULT_EMULATOR_USERS
  const db: MemoryDB = { user: [], session: [], account: [], verification: [], rateLimit: [] }

  const auth = betterAuth({
    baseURL: options.baseURL,
    basePath,
    secret: DEMO_SECRET,
    database: memoryAdapter(db),
    emailAndPassword: {
      enabled: true,
      resetPasswordTokenExpiresIn: options.resetPasswordTokenExpiresIn ?? 3600,
      async sendResetPassword({ user, url, token }) {
        await options.onResetEmail({ user: { id: user.id, email: user.email, name: user.name }, url, token })
      },
    },
    trustedOrigins: options.trustedOrigins,
    // Kept in the memory database (not Better Auth's process-wide map) so `reset()` forgets it too.
    rateLimit: { enabled: options.rateLimit ?? true, storage: 'database' },
    telemetry: { enabled: false },
    logger: { level: options.logLevel ?? 'error' },
    advanced: {
      // Better Auth skips its origin checks under NODE_ENV=test; the demo and its tests want them,
      // so a redirect URL outside the trusted origins fails here as it would in production.
      disableOriginCheck: false,
    },
  })
  const nodeHandler = toNodeHandler(auth)

  async function seed(): Promise<void> {
    for (const user of users) {
      await auth.api.signUpEmail({
        body: { email: user.email, password: user.password, name: user.email.split('@')[0] ?? user.email },
      })
    }
  }

  let ready = seed()

  return {
    basePath,
    get ready() {
      return ready
    },
    async handler(request, response) {
      await ready
      await nodeHandler(request, response)
    },
    async reset() {
      await ready.catch(() => undefined)
      for (const table of Object.values(db)) table.length = 0
      ready = seed()
      await ready
    },
  }
}
