import * as core from '../../src/core'
import { assertRedirectUrl } from '../../src/core/assertRedirectUrl'
import { completeResetFlow, TERMINAL_CODES } from '../../src/core/completeResetFlow'
import { completeResetOptions } from '../../src/core/completeResetOptions'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import { delay } from '../../src/core/delay'
import { isVerifierRecord, parseVerifierRecord } from '../../src/core/isVerifierRecord'
import { MAX_EMAIL_LENGTH, normalizeEmail } from '../../src/core/normalizeEmail'
import { parseRetryAfter } from '../../src/core/parseRetryAfter'
import { checkPassword, countCodePoints, DEFAULT_MIN_PASSWORD_LENGTH } from '../../src/core/passwordPolicy'
import { base64UrlEncode, computeChallenge, createPkcePair } from '../../src/core/pkce'
import { clearCallbackToken, MAX_TOKEN_LENGTH, readCallbackToken } from '../../src/core/readCallbackToken'
import { isResetError, ResetError, toResetError } from '../../src/core/ResetError'
import { retryDeadline } from '../../src/core/retryDeadline'
import { safeReturnTo } from '../../src/core/safeReturnTo'
import { DEFAULT_TIMEOUT_MS, errorForStatus, sendJson } from '../../src/core/sendJson'
import {
  DEFAULT_MIN_DURATION_MS,
  DEFAULT_VERIFIER_LIFETIME_MINUTES,
  startResetFlow,
} from '../../src/core/startResetFlow'
import { startResetOptions } from '../../src/core/startResetOptions'
import { sweepExpiredRecords } from '../../src/core/sweepExpiredRecords'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

describe('core index', () => {
  it.each([
    ['assertRedirectUrl', assertRedirectUrl],
    ['completeResetFlow', completeResetFlow],
    ['TERMINAL_CODES', TERMINAL_CODES],
    ['completeResetOptions', completeResetOptions],
    ['createWebStorageVerifierStore', createWebStorageVerifierStore],
    ['delay', delay],
    ['isVerifierRecord', isVerifierRecord],
    ['parseVerifierRecord', parseVerifierRecord],
    ['MAX_EMAIL_LENGTH', MAX_EMAIL_LENGTH],
    ['normalizeEmail', normalizeEmail],
    ['parseRetryAfter', parseRetryAfter],
    ['checkPassword', checkPassword],
    ['countCodePoints', countCodePoints],
    ['DEFAULT_MIN_PASSWORD_LENGTH', DEFAULT_MIN_PASSWORD_LENGTH],
    ['base64UrlEncode', base64UrlEncode],
    ['computeChallenge', computeChallenge],
    ['createPkcePair', createPkcePair],
    ['clearCallbackToken', clearCallbackToken],
    ['MAX_TOKEN_LENGTH', MAX_TOKEN_LENGTH],
    ['readCallbackToken', readCallbackToken],
    ['isResetError', isResetError],
    ['ResetError', ResetError],
    ['toResetError', toResetError],
    ['retryDeadline', retryDeadline],
    ['safeReturnTo', safeReturnTo],
    ['DEFAULT_TIMEOUT_MS', DEFAULT_TIMEOUT_MS],
    ['errorForStatus', errorForStatus],
    ['sendJson', sendJson],
    ['DEFAULT_MIN_DURATION_MS', DEFAULT_MIN_DURATION_MS],
    ['DEFAULT_VERIFIER_LIFETIME_MINUTES', DEFAULT_VERIFIER_LIFETIME_MINUTES],
    ['startResetFlow', startResetFlow],
    ['startResetOptions', startResetOptions],
    ['sweepExpiredRecords', sweepExpiredRecords],
  ] as const)('exports %s from its module', (name, value) => {
    expect(value).toBeDefined()
    expect((core as Record<string, unknown>)[name]).toBe(value)
  })

  it('exports nothing undefined', () => {
    expect(Object.entries(core).filter(([, value]) => value === undefined)).toEqual([])
  })

  it('imports and runs without a window (server rendering)', async () => {
    vi.stubGlobal('window', undefined)
    vi.resetModules()
    const serverCore = await import('../../src/core')
    const adapter = {
      id: 'app',
      pkce: true,
      tokenParams: ['token'],
      startReset: vi.fn(async () => {}),
      completeReset: vi.fn(async () => {}),
    }
    expect(serverCore.readCallbackToken(adapter)).toEqual({ status: 'missing' })
    expect(serverCore.sweepExpiredRecords()).toBe(0)
    expect(serverCore.safeReturnTo('/account', '/')).toBe('/account')
    expect(serverCore.retryDeadline.read('app')).toBeUndefined()
    const store = serverCore.createWebStorageVerifierStore()
    await expect(store.load('app')).resolves.toBeUndefined()
    await expect(
      store.save({
        v: 1,
        verifier: 'a'.repeat(43),
        challenge: 'b'.repeat(43),
        createdAt: 0,
        expiresAt: 1,
        adapterId: 'app',
      }),
    ).rejects.toMatchObject({
      code: 'storage_unavailable',
    })
  })
})
