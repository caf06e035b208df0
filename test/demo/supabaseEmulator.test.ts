import { createSupabaseEmulator, DEMO_SUPABASE_ANON_KEY, s256Challenge, SUPABASE_MOUNT_PATH } from '../../demo/emulator'
import type { EmulatorResponse, SupabaseEmulatorOptions } from '../../demo/emulator'

const REDIRECT = 'http://127.0.0.1:5173/reset?backend=supabase'
const NEW_PASSWORD = 'a brand new passphrase'
// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const OTHER_VERIFIER = 'x'.repeat(43)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const API_KEY = { apikey: DEMO_SUPABASE_ANON_KEY }
const DATED = { ...API_KEY, 'X-Supabase-Api-Version': '2024-01-01' }

function setup(options: SupabaseEmulatorOptions = {}) {
  let clock = Date.parse('2030-01-01T00:00:00Z')
  const emulator = createSupabaseEmulator({ now: () => clock, minPasswordLength: 8, ...options })
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = API_KEY) =>
    emulator.handle({ method, path, headers, body })
  const recover = (body: Record<string, unknown> = {}, redirect: string | null = REDIRECT) =>
    call('POST', `/auth/v1/recover${redirect === null ? '' : `?redirect_to=${encodeURIComponent(redirect)}`}`, {
      email: 'ada@example.com',
      code_challenge: RFC_CHALLENGE,
      code_challenge_method: 's256',
      ...body,
    })
  /** Opens the newest email's link like a browser: returns where GoTrue's /verify redirects. */
  const openEmailLink = async (link = emulator.outbox[0]?.link) => {
    if (!link) throw new Error('no email was sent')
    const url = new URL(link)
    const response = await call('GET', url.pathname.slice(SUPABASE_MOUNT_PATH.length) + url.search, undefined, {})
    expect(response.status).toBe(303)
    return new URL(response.headers.Location ?? '')
  }
  /** Recovers, opens the link and returns the auth code from the redirect. */
  const recoverAndGetCode = async (body: Record<string, unknown> = {}) => {
    expect((await recover(body)).status).toBe(200)
    const code = (await openEmailLink()).searchParams.get('code')
    if (!code) throw new Error('the redirect has no code')
    return code
  }
  const exchange = (authCode: string, verifier = RFC_VERIFIER, headers = API_KEY) =>
    call('POST', '/auth/v1/token?grant_type=pkce', { auth_code: authCode, code_verifier: verifier }, headers)
  /** A recovery session's access token, after the whole email round trip. */
  const recoverySession = async () => {
    const exchanged = await exchange(await recoverAndGetCode())
    expect(exchanged.status).toBe(200)
    return (exchanged.body as { access_token: string }).access_token
  }
  const updatePassword = (accessToken: string, password: unknown, headers: Record<string, string> = API_KEY) =>
    call('PUT', '/auth/v1/user', { password }, { ...headers, Authorization: `Bearer ${accessToken}` })
  const signIn = (email: string, password: string) =>
    call('POST', '/auth/v1/token?grant_type=password', { email, password })
  const advance = (ms: number) => {
    clock += ms
  }
  return {
    emulator,
    call,
    recover,
    openEmailLink,
    recoverAndGetCode,
    exchange,
    recoverySession,
    updatePassword,
    signIn,
    advance,
  }
}

/** The GoTrue `error_code` in either error format. */
function errorCode(response: EmulatorResponse): unknown {
  const body = response.body as { code?: unknown; error_code?: unknown }
  return body.error_code ?? body.code
}

describe('createSupabaseEmulator', () => {
  describe('API gateway', () => {
    it.each([
      ['no apikey', {}, { message: 'No API key found in request', hint: expect.any(String) }],
      ['a wrong apikey', { apikey: 'not-the-anon-key' }, { message: 'Invalid API key', hint: expect.any(String) }],
    ])('answers 401 for %s', async (_name, headers, body) => {
      const { call, emulator } = setup()
      const response = await call(
        'POST',
        `/auth/v1/recover?redirect_to=${encodeURIComponent(REDIRECT)}`,
        { email: 'ada@example.com' },
        headers,
      )
      expect(response.status).toBe(401)
      expect(response.body).toEqual(body)
      expect(emulator.outbox).toHaveLength(0)
    })

    it('accepts the key as the apikey query parameter too', async () => {
      const { call } = setup()
      const response = await call(
        'POST',
        `/auth/v1/recover?apikey=${DEMO_SUPABASE_ANON_KEY}`,
        { email: 'ada@example.com' },
        {},
      )
      expect(response.status).toBe(200)
    })

    it('answers 404 for routes it does not know', async () => {
      const { call } = setup()
      expect((await call('POST', '/auth/v1/forgot', {})).status).toBe(404)
      expect((await call('DELETE', '/auth/v1/user', {})).status).toBe(404)
    })
  })

  describe('recover', () => {
    it('answers 200 {} and emails a link to GoTrue’s verify endpoint', async () => {
      const { recover, emulator } = setup({ projectUrl: 'https://demo.supabase.test' })
      const response = await recover()
      expect(response.status).toBe(200)
      expect(response.body).toEqual({})
      expect(emulator.outbox).toHaveLength(1)
      const [email] = emulator.outbox
      expect(email).toMatchObject({
        backend: 'supabase',
        to: 'ada@example.com',
        subject: 'Reset Your Password',
        locale: 'en',
      })
      const link = new URL(email?.link ?? '')
      expect(link.origin + link.pathname).toBe('https://demo.supabase.test/auth/v1/verify')
      expect(link.searchParams.get('type')).toBe('recovery')
      expect(link.searchParams.get('redirect_to')).toBe(REDIRECT)
      // PKCE flows prefix the token hash with "pkce_".
      expect(link.searchParams.get('token')).toMatch(/^pkce_[0-9a-f]{56}$/)
    })

    it('writes the link for the host the request came to when no project URL is set', async () => {
      const { emulator } = setup()
      await emulator.handle({
        method: 'POST',
        path: `/auth/v1/recover?redirect_to=${encodeURIComponent(REDIRECT)}`,
        headers: { ...API_KEY, host: '127.0.0.1:4173' },
        body: { email: 'ada@example.com', code_challenge: RFC_CHALLENGE, code_challenge_method: 's256' },
      })
      expect(emulator.outbox[0]?.link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/__emulator\/supabase\/auth\/v1\/verify\?/)
    })

    it('answers the same 200 {} for an unknown email and sends nothing', async () => {
      const { recover, emulator } = setup()
      const response = await recover({ email: 'nobody@example.com' })
      expect(response.status).toBe(200)
      expect(response.body).toEqual({})
      expect(emulator.outbox).toHaveLength(0)
    })

    it.each([
      ['a missing email', { email: undefined }, 'Password recovery requires an email'],
      ['a malformed email', { email: 'ada@' }, 'Unable to validate email address: invalid format'],
      [
        'a challenge without a method',
        { code_challenge_method: undefined },
        'PKCE flow requires code_challenge_method and code_challenge',
      ],
      [
        'a method without a challenge',
        { code_challenge: undefined },
        'PKCE flow requires code_challenge_method and code_challenge',
      ],
      [
        'a 42-character challenge',
        { code_challenge: RFC_CHALLENGE.slice(1) },
        'code challenge has to be between 43 and 128 characters',
      ],
      [
        'a challenge with "+"',
        { code_challenge: `${RFC_CHALLENGE.slice(1)}+` },
        'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes',
      ],
      ['an unknown method', { code_challenge_method: 'sha256' }, 'unsupported code_challenge method'],
    ])('answers 400 validation_failed for %s', async (_name, body, message) => {
      const { recover, emulator } = setup()
      const response = await recover(body)
      expect(response.status).toBe(400)
      expect(response.body).toEqual({ code: 400, error_code: 'validation_failed', msg: message })
      expect(emulator.outbox).toHaveLength(0)
    })

    it.each(['s256', 'S256', 'plain'])(
      'accepts the challenge method %s, case-insensitively like GoTrue',
      async (method) => {
        const { recover } = setup()
        expect((await recover({ code_challenge_method: method })).status).toBe(200)
      },
    )

    it.each([
      ['not allowed', 'https://evil.example/reset'],
      ['missing', null],
    ])('sends the site URL instead of a redirect_to that is %s, without an error', async (_name, redirect) => {
      const { recover, emulator } = setup({ siteUrl: 'https://app.example.com' })
      expect((await recover({}, redirect)).status).toBe(200)
      expect(new URL(emulator.outbox[0]?.link ?? '').searchParams.get('redirect_to')).toBe('https://app.example.com')
    })

    it('falls back to an allowed Referer when there is no redirect_to', async () => {
      const { call, emulator } = setup()
      await call(
        'POST',
        '/auth/v1/recover',
        { email: 'ada@example.com' },
        { ...API_KEY, referer: 'http://localhost:5173/' },
      )
      expect(new URL(emulator.outbox[0]?.link ?? '').searchParams.get('redirect_to')).toBe('http://localhost:5173/')
    })

    it('allows any port on the site URL’s host, as GoTrue does', async () => {
      const { recover, emulator } = setup({ siteUrl: 'https://app.example.com', allowedRedirectOrigins: [] })
      await recover({}, 'https://app.example.com:8443/reset')
      expect(new URL(emulator.outbox[0]?.link ?? '').searchParams.get('redirect_to')).toBe(
        'https://app.example.com:8443/reset',
      )
    })

    it('answers 429 over_email_send_rate_limit within 60 seconds for the same user', async () => {
      const { recover, advance, emulator } = setup()
      expect((await recover()).status).toBe(200)
      advance(18_500)
      const limited = await recover()
      expect(limited.status).toBe(429)
      expect(limited.body).toEqual({
        code: 429,
        error_code: 'over_email_send_rate_limit',
        msg: 'For security purposes, you can only request this after 42 seconds.',
      })
      expect((await recover({ email: 'grace@example.com' })).status).toBe(200)
      advance(41_500)
      expect((await recover()).status).toBe(200)
      expect(emulator.outbox).toHaveLength(3)
    })

    it('answers 429 "Email rate limit exceeded" past the project’s emails per hour', async () => {
      const { recover } = setup({ emailsPerHour: 1 })
      expect((await recover()).status).toBe(200)
      const limited = await recover({ email: 'grace@example.com' })
      expect(limited.status).toBe(429)
      expect(limited.body).toMatchObject({ error_code: 'over_email_send_rate_limit', msg: 'Email rate limit exceeded' })
    })

    it('makes the previous link dead when a new one is sent', async () => {
      const { recover, openEmailLink, emulator, advance } = setup()
      await recover()
      const first = emulator.outbox[0]?.link
      advance(60_000)
      await recover()
      const dead = await openEmailLink(first)
      expect(dead.searchParams.get('error_code')).toBe('otp_expired')
      expect((await openEmailLink()).searchParams.get('code')).toMatch(UUID)
    })
  })

  describe('verify (the emailed link)', () => {
    it('spends the emailed token and redirects to redirect_to with the auth code, other params kept', async () => {
      const { recover, openEmailLink } = setup()
      await recover()
      const target = await openEmailLink()
      expect(target.origin + target.pathname).toBe('http://127.0.0.1:5173/reset')
      expect(target.searchParams.get('backend')).toBe('supabase')
      expect(target.searchParams.get('code')).toMatch(UUID)
      expect(target.hash).toBe('')
    })

    it('redirects a second visit with otp_expired in the query and the fragment', async () => {
      const { recover, openEmailLink } = setup()
      await recover()
      await openEmailLink()
      const target = await openEmailLink()
      expect(target.searchParams.get('code')).toBeNull()
      expect(target.searchParams.get('backend')).toBe('supabase')
      expect(target.searchParams.get('error')).toBe('access_denied')
      expect(target.searchParams.get('error_code')).toBe('otp_expired')
      expect(target.searchParams.get('error_description')).toBe('Email link is invalid or has expired')
      const fragment = new URLSearchParams(target.hash.slice(1))
      expect(Object.fromEntries(fragment)).toEqual({
        error: 'access_denied',
        error_code: 'otp_expired',
        error_description: 'Email link is invalid or has expired',
        sb: '',
      })
    })

    it('expires the link after an hour', async () => {
      const { recover, openEmailLink, advance } = setup()
      await recover()
      advance(3600_000 + 1)
      expect((await openEmailLink()).searchParams.get('error_code')).toBe('otp_expired')
    })

    it('puts tokens in the fragment for a flow started without PKCE (the implicit flow)', async () => {
      const { recover, openEmailLink, emulator } = setup()
      await recover({ code_challenge: undefined, code_challenge_method: undefined })
      expect(new URL(emulator.outbox[0]?.link ?? '').searchParams.get('token')).toMatch(/^[0-9a-f]{56}$/)
      const target = await openEmailLink()
      expect(target.searchParams.get('code')).toBeNull()
      const fragment = new URLSearchParams(target.hash.slice(1))
      expect(fragment.get('type')).toBe('recovery')
      expect(fragment.get('token_type')).toBe('bearer')
      expect(fragment.get('access_token')?.split('.')).toHaveLength(3)
    })

    it.each([
      ['no type', '/auth/v1/verify?token=pkce_abc', 'Verify requires a verification type'],
      ['no token', '/auth/v1/verify?type=recovery', 'Verify requires a token or a token hash'],
    ])('answers 400 JSON for %s', async (_name, path, message) => {
      const { call } = setup()
      const response = await call('GET', path, undefined, {})
      expect(response.status).toBe(400)
      expect(response.body).toEqual({ code: 400, error_code: 'validation_failed', msg: message })
    })
  })

  describe('token?grant_type=pkce', () => {
    it('exchanges the auth code for a recovery session once', async () => {
      const { recoverAndGetCode, exchange, emulator } = setup()
      const code = await recoverAndGetCode()
      const exchanged = await exchange(code)
      expect(exchanged.status).toBe(200)
      expect(exchanged.body).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 3600,
        expires_at: Date.parse('2030-01-01T00:00:00Z') / 1000 + 3600,
        refresh_token: expect.any(String),
        user: expect.objectContaining({ id: emulator.users[0]?.id, email: 'ada@example.com', aud: 'authenticated' }),
      })
      const payload = (exchanged.body as { access_token: string }).access_token.split('.')[1] ?? ''
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
      expect(claims).toMatchObject({ sub: emulator.users[0]?.id, role: 'authenticated', amr: [{ method: 'recovery' }] })

      const again = await exchange(code)
      expect(again.status).toBe(404)
      expect(again.body).toEqual({
        code: 404,
        error_code: 'flow_state_not_found',
        msg: 'invalid flow state, no valid flow state found',
      })
    })

    it('answers 400 bad_code_verifier for a wrong verifier and keeps the flow state', async () => {
      const { recoverAndGetCode, exchange } = setup()
      const code = await recoverAndGetCode()
      const wrong = await exchange(code, OTHER_VERIFIER)
      expect(wrong.status).toBe(400)
      expect(wrong.body).toEqual({
        code: 400,
        error_code: 'bad_code_verifier',
        msg: 'code challenge does not match previously saved code verifier',
      })
      expect((await exchange(code)).status).toBe(200)
    })

    it('checks a plain challenge as plain', async () => {
      const { recoverAndGetCode, exchange } = setup()
      const code = await recoverAndGetCode({ code_challenge: OTHER_VERIFIER, code_challenge_method: 'plain' })
      expect(errorCode(await exchange(code, RFC_VERIFIER))).toBe('bad_code_verifier')
      expect((await exchange(code, OTHER_VERIFIER)).status).toBe(200)
    })

    it('really hashes the verifier (base64url SHA-256, RFC 7636 Appendix B)', async () => {
      expect(await s256Challenge(RFC_VERIFIER)).toBe(RFC_CHALLENGE)
      const verifier = 'a'.repeat(43)
      const { recoverAndGetCode, exchange } = setup()
      const code = await recoverAndGetCode({ code_challenge: await s256Challenge(verifier) })
      expect((await exchange(code, verifier)).status).toBe(200)
    })

    it('answers 422 flow_state_expired 5 minutes after the recover call, not after the click', async () => {
      const { recover, openEmailLink, exchange, advance } = setup()
      await recover()
      advance(4 * 60_000)
      const code = (await openEmailLink()).searchParams.get('code') ?? ''
      advance(60_000 + 1)
      const expired = await exchange(code)
      expect(expired.status).toBe(422)
      expect(expired.body).toEqual({
        code: 422,
        error_code: 'flow_state_expired',
        msg: 'invalid flow state, flow state has expired',
      })
    })

    it.each([
      ['no auth code', { code_verifier: RFC_VERIFIER }],
      ['an empty verifier', { auth_code: '00000000-0000-4000-8000-000000000000', code_verifier: '' }],
    ])('answers 400 validation_failed for %s', async (_name, body) => {
      const { call } = setup()
      const response = await call('POST', '/auth/v1/token?grant_type=pkce', body)
      expect(response.body).toEqual({
        code: 400,
        error_code: 'validation_failed',
        msg: 'invalid request: both auth code and code verifier should be non-empty',
      })
    })

    it('answers 400 for an unknown grant type and bad_json for a body that is not an object', async () => {
      const { call } = setup()
      expect(errorCode(await call('POST', '/auth/v1/token?grant_type=magic', {}))).toBe('validation_failed')
      expect(errorCode(await call('POST', '/auth/v1/token?grant_type=pkce', undefined))).toBe('bad_json')
    })
  })

  describe('PUT /user', () => {
    it('sets the new password with the recovery session', async () => {
      const { recoverySession, updatePassword, signIn, emulator } = setup()
      const token = await recoverySession()
      const updated = await updatePassword(token, NEW_PASSWORD)
      expect(updated.status).toBe(200)
      expect(updated.body).toMatchObject({ id: emulator.users[0]?.id, email: 'ada@example.com' })
      expect((await signIn('ada@example.com', NEW_PASSWORD)).status).toBe(200)
      const old = await signIn('ada@example.com', 'correct horse battery')
      expect(old.status).toBe(400)
      expect(old.body).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' })
    })

    it.each([
      [
        '7 characters',
        'abcdefg',
        422,
        {
          code: 422,
          error_code: 'weak_password',
          msg: 'Password should be at least 8 characters.',
          weak_password: { reasons: ['length'] },
        },
      ],
      [
        'the current password',
        'correct horse battery',
        422,
        { code: 422, error_code: 'same_password', msg: 'New password should be different from the old password.' },
      ],
      [
        '73 bytes',
        'a'.repeat(73),
        400,
        { code: 400, error_code: 'validation_failed', msg: 'Password cannot be longer than 72 characters' },
      ],
      [
        '37 two-byte characters (74 bytes of UTF-8)',
        'é'.repeat(37),
        400,
        { code: 400, error_code: 'validation_failed', msg: 'Password cannot be longer than 72 characters' },
      ],
    ])('rejects %s', async (_name, password, status, body) => {
      const { recoverySession, updatePassword } = setup()
      const token = await recoverySession()
      const response = await updatePassword(token, password)
      expect(response.status).toBe(status)
      expect(response.body).toEqual(body)
      expect((await updatePassword(token, NEW_PASSWORD)).status).toBe(200)
    })

    it('counts bytes, not characters: two emoji are 8 bytes and pass an 8 minimum', async () => {
      const { recoverySession, updatePassword } = setup()
      expect((await updatePassword(await recoverySession(), '😀😀')).status).toBe(200)
    })

    it('uses a 6-byte minimum by default, like GoTrue', async () => {
      const { recoverySession, updatePassword } = setup({ minPasswordLength: undefined })
      const token = await recoverySession()
      expect((await updatePassword(token, '12345')).body).toMatchObject({
        msg: 'Password should be at least 6 characters.',
      })
      expect((await updatePassword(token, '123456')).status).toBe(200)
    })

    it.each([
      ['no Authorization header', undefined, 401, 'no_authorization'],
      ['the anon key as bearer (a client that never exchanged the code)', DEMO_SUPABASE_ANON_KEY, 403, 'bad_jwt'],
      ['a made-up token', 'a.b.c', 403, 'bad_jwt'],
    ])('answers %s with %i %s', async (_name, token, status, code) => {
      const { call } = setup()
      const headers = token === undefined ? API_KEY : { ...API_KEY, Authorization: `Bearer ${token}` }
      const response = await call('PUT', '/auth/v1/user', { password: NEW_PASSWORD }, headers)
      expect(response.status).toBe(status)
      expect(errorCode(response)).toBe(code)
    })

    it('answers 403 bad_jwt once the access token has expired', async () => {
      const { recoverySession, updatePassword, advance } = setup()
      const token = await recoverySession()
      advance(3600_000)
      const response = await updatePassword(token, NEW_PASSWORD)
      expect(response.status).toBe(403)
      expect(response.body).toMatchObject({ error_code: 'bad_jwt', msg: expect.stringMatching(/token is expired/) })
    })

    // GoTrue's User.UpdatePassword (supabase/auth internal/models/user.go), called by PUT /user
    // with a password: it clears recovery_token and recovery_sent_at and ends every other session
    // of the user (LogoutAllExceptMe), keeping the one that made the change.
    it('ends the user’s other sessions on a new password, keeping the one that set it', async () => {
      const { recoverySession, updatePassword, signIn, call } = setup()
      const signedIn = await signIn('ada@example.com', 'correct horse battery')
      const other = (signedIn.body as { access_token: string }).access_token
      const token = await recoverySession()
      expect((await updatePassword(token, NEW_PASSWORD)).status).toBe(200)
      const getUser = (bearer: string) =>
        call('GET', '/auth/v1/user', undefined, { ...API_KEY, Authorization: `Bearer ${bearer}` })
      expect(errorCode(await getUser(other))).toBe('session_not_found')
      expect((await getUser(token)).status).toBe(200)
    })

    it('makes an emailed link dead and lets a new one be sent at once after a new password', async () => {
      const { recover, signIn, updatePassword, openEmailLink, emulator } = setup()
      expect((await recover()).status).toBe(200)
      const link = emulator.outbox[0]?.link
      const signedIn = await signIn('ada@example.com', 'correct horse battery')
      expect(
        (await updatePassword((signedIn.body as { access_token: string }).access_token, NEW_PASSWORD)).status,
      ).toBe(200)
      expect((await openEmailLink(link)).searchParams.get('error_code')).toBe('otp_expired')
      expect((await recover()).status).toBe(200)
      expect(emulator.outbox).toHaveLength(2)
    })

    it('answers 403 session_not_found after logout, and logout answers 204', async () => {
      const { recoverySession, updatePassword, call } = setup()
      const token = await recoverySession()
      const logout = await call('POST', '/auth/v1/logout', undefined, { ...API_KEY, Authorization: `Bearer ${token}` })
      expect(logout.status).toBe(204)
      expect(logout.body).toBeUndefined()
      expect(errorCode(await updatePassword(token, NEW_PASSWORD))).toBe('session_not_found')
    })
  })

  describe('error format by API version', () => {
    it.each([
      [
        'no version header',
        API_KEY,
        { code: 400, error_code: 'bad_code_verifier', msg: expect.any(String) },
        undefined,
      ],
      [
        'a malformed version',
        { ...API_KEY, 'X-Supabase-Api-Version': 'latest' },
        { code: 400, error_code: 'bad_code_verifier', msg: expect.any(String) },
        undefined,
      ],
      ['2024-01-01', DATED, { code: 'bad_code_verifier', message: expect.any(String) }, '2024-01-01'],
      [
        'a later date',
        { ...API_KEY, 'X-Supabase-Api-Version': '2025-06-01' },
        { code: 'bad_code_verifier', message: expect.any(String) },
        '2024-01-01',
      ],
    ])('with %s', async (_name, headers, body, echoed) => {
      const { recoverAndGetCode, exchange } = setup()
      const response = await exchange(await recoverAndGetCode(), OTHER_VERIFIER, headers)
      expect(response.status).toBe(400)
      expect(response.body).toEqual(body)
      expect(response.headers['X-Supabase-Api-Version']).toBe(echoed)
    })

    it('puts weak_password reasons in the dated format too', async () => {
      const { recoverySession, updatePassword } = setup()
      const response = await updatePassword(await recoverySession(), 'short', DATED)
      expect(response.body).toEqual({
        code: 'weak_password',
        message: 'Password should be at least 8 characters.',
        weak_password: { reasons: ['length'] },
      })
    })
  })

  describe('state', () => {
    it('reset() forgets emails, flow states, sessions and rate limits and restores passwords', async () => {
      const { recoverySession, updatePassword, recover, recoverAndGetCode, exchange, emulator, signIn } = setup()
      const token = await recoverySession()
      expect((await updatePassword(token, NEW_PASSWORD)).status).toBe(200)
      // The new password lifted the frequency limit (GoTrue's UpdatePassword); a second email sets it again.
      expect((await recover()).status).toBe(200)
      expect((await recover()).status).toBe(429)
      const code = await recoverAndGetCode({ email: 'grace@example.com' })

      emulator.reset()
      expect(emulator.outbox).toEqual([])
      expect((await signIn('ada@example.com', 'correct horse battery')).status).toBe(200)
      expect(errorCode(await updatePassword(token, 'yet another passphrase'))).toBe('bad_jwt')
      expect(errorCode(await exchange(code))).toBe('flow_state_not_found')
      expect((await recover()).status).toBe(200)
    })
  })
})
