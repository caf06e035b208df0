import { expectTypeOf } from 'vitest'
import {
  errorMessage,
  ForgotPasswordForm,
  ResetError,
  ResetKitProvider,
  ResetPasswordPage,
  useForgotPassword,
  useResetPassword,
  type ClassNames,
  type ResetAdapter,
  type ResetErrorCode,
  type ResetKitKey,
  type ResetKitMessageOverrides,
  type ResetKitSettings,
  type ResetKitT,
  type ResetPasswordPageProps,
  type ResetPasswordPart,
  type SupportedLocale,
  type UseForgotPasswordReturn,
  type UseResetPasswordReturn,
} from '../../src/index'
import { createBetterAuthAdapter } from '../../src/adapters/better-auth'
import { createHttpAdapter } from '../../src/adapters/http'
import { createStackAuthAdapter } from '../../src/adapters/stack-auth'
import { createStytchAdapter } from '../../src/adapters/stytch'
import { createSupabaseAdapter } from '../../src/adapters/supabase'

// Checked with exactOptionalPropertyTypes on (tsconfig.types.json), as a strict app is.

declare const adapter: ResetAdapter

describe('the public types', () => {
  it('messages takes the English key paths, refuses a misspelt one, and takes other languages’ plural forms', () => {
    const good: ResetKitMessageOverrides = {
      forgot: { title: 'Forgot your password?' },
      reset: { description_few: 'Użyj co najmniej {{count}} znaków.' },
    }
    // @ts-expect-error `titel` is not a key of the forgot form
    const misspelt: ResetKitMessageOverrides = { forgot: { titel: 'Forgot?' } }
    // @ts-expect-error a string where a group of strings goes
    const flat: ResetKitMessageOverrides = { forgot: 'Forgot?' }
    expectTypeOf(good).toEqualTypeOf<ResetKitMessageOverrides>()
    expectTypeOf([misspelt, flat]).toBeArray()
    expectTypeOf<NonNullable<ResetPasswordPageProps['messages']>>().toEqualTypeOf<ResetKitMessageOverrides>()
    const form = (
      <ForgotPasswordForm
        adapter={adapter}
        redirectUrl="https://app.example.com/reset"
        // @ts-expect-error the prop refuses a misspelt key too
        messages={{ forgot: { titel: 'Forgot?' } }}
      />
    )
    expectTypeOf(form).not.toBeAny()
  })

  it('resources refuse a misspelt key as messages do; locale offers the shipped tags and takes any other', () => {
    const fr = { forgot: { title: 'Mot de passe oublié ?' } }
    const provider = (
      <ResetKitProvider
        adapter={adapter}
        locale="de-CH"
        resources={{
          fr,
          // @ts-expect-error `titel` is not a key of the forgot form
          de: { forgot: { titel: 'Passwort vergessen?' } },
        }}
      />
    )
    expectTypeOf(provider).not.toBeAny()
    expectTypeOf<'pt-BR'>().toExtend<NonNullable<ResetKitSettings['locale']>>()
    expectTypeOf<'de'>().toExtend<NonNullable<ResetKitSettings['locale']>>()
    expectTypeOf<SupportedLocale>().toExtend<NonNullable<ResetPasswordPageProps['locale']>>()
  })

  it('classNames takes the component’s parts only', () => {
    const classNames: ClassNames<ResetPasswordPart> = { root: 'card', submit: 'btn' }
    // @ts-expect-error `button` is not a part of the reset page
    const wrong: ClassNames<ResetPasswordPart> = { button: 'btn' }
    expectTypeOf(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot" classNames={classNames} />,
    ).not.toBeAny()
    expectTypeOf(wrong).toEqualTypeOf<ClassNames<ResetPasswordPart>>()
  })

  it('a ResetError’s code narrows to the code union, and a code outside it is refused', () => {
    const error = new ResetError('rate_limited', { retryAfterSeconds: 30 })
    expectTypeOf(error.code).toEqualTypeOf<ResetErrorCode>()
    expectTypeOf(error.field).toEqualTypeOf<'email' | 'password' | 'confirmPassword' | undefined>()
    // @ts-expect-error not one of the kit's codes
    expectTypeOf(new ResetError('user_not_found')).not.toBeAny()
  })

  it('the hooks’ views are string unions, and errorMessage takes what they return', () => {
    expectTypeOf<UseForgotPasswordReturn['view']>().toEqualTypeOf<'form' | 'sent'>()
    expectTypeOf<UseResetPasswordReturn['view']>().toEqualTypeOf<
      | 'checking'
      | 'ready'
      | 'success'
      | 'link_invalid'
      | 'link_expired'
      | 'link_used'
      | 'verifier_missing'
      | 'check_failed'
    >()
    function Alert() {
      const forgot = useForgotPassword({ adapter, redirectUrl: 'https://app.example.com/reset' })
      const reset = useResetPassword({ adapter })
      const forgotText = forgot.error
        ? errorMessage(forgot.t, forgot.error, forgot.textLocale, forgot.retrySeconds)
        : ''
      const confirmText = reset.confirmError
        ? errorMessage(reset.t, { code: reset.confirmError }, reset.textLocale)
        : ''
      // As passwordError's documentation says; maxLength is undefined when there is none.
      const passwordText = reset.passwordError
        ? errorMessage(
            reset.t,
            {
              code: reset.passwordError,
              details: { minLength: reset.minLength, maxLength: reset.maxLength, ...reset.passwordDetails },
            },
            reset.textLocale,
          )
        : ''
      expectTypeOf(forgotText).toBeString()
      return <p>{forgotText || confirmText || passwordText}</p>
    }
    expectTypeOf(Alert).returns.not.toBeAny()
  })

  it('the hooks’ t takes the kit’s own keys, whatever the host’s i18next typing, and refuses a misspelt one', () => {
    expectTypeOf<UseForgotPasswordReturn['t']>().toEqualTypeOf<ResetKitT>()
    expectTypeOf<UseResetPasswordReturn['t']>().toEqualTypeOf<ResetKitT>()
    expectTypeOf<'forgot.title'>().toExtend<ResetKitKey>()
    // A plural is asked for by its stem, with a count.
    expectTypeOf<'reset.description'>().toExtend<ResetKitKey>()
    expectTypeOf<'reset.description_one'>().not.toExtend<ResetKitKey>()
    function Title() {
      const forgot = useForgotPassword({ adapter, redirectUrl: 'https://app.example.com/reset' })
      // @ts-expect-error `forgot.titel` is not a key
      const misspelt = forgot.t('forgot.titel')
      return <h2>{forgot.t('forgot.title') + misspelt}</h2>
    }
    expectTypeOf(Title).returns.not.toBeAny()
  })

  it('optional props and options take undefined, so a wrapper can pass its own optional values on', () => {
    interface Options {
      adapter?: ResetAdapter
      locale?: string
      token?: string
      returnTo?: string
      headingLevel?: 2 | 3
      onError?: (error: ResetError) => void
      timeoutMs?: number
      headers?: Record<string, string>
      credentials?: 'include'
      inputClass?: string
      title?: string
      buildStartBody?: (input: { email: string }) => unknown
      checkToken?: ResetAdapter['checkToken']
    }
    function Wrapper(options: Options) {
      return (
        <ResetKitProvider adapter={options.adapter} locale={options.locale}>
          <ForgotPasswordForm
            redirectUrl="https://app.example.com/reset"
            onError={options.onError}
            headingLevel={options.headingLevel}
            classNames={{ input: options.inputClass }}
            messages={{ forgot: { title: options.title } }}
          />
          <ResetPasswordPage forgotPasswordUrl="/forgot" token={options.token} returnTo={options.returnTo} />
        </ResetKitProvider>
      )
    }
    function adapters(options: Options) {
      const { timeoutMs, headers, credentials } = options
      return [
        createStytchAdapter({ publicToken: 'public-token-test-x', timeoutMs, loginRedirectUrl: options.returnTo }),
        createStytchAdapter({ baseUrl: '/api/stytch', headers, credentials, timeoutMs }),
        createStackAuthAdapter({ projectId: 'p', publishableClientKey: 'k', timeoutMs }),
        createSupabaseAdapter({ url: 'https://x.supabase.co', anonKey: 'k', timeoutMs }),
        createBetterAuthAdapter({ baseUrl: options.returnTo, credentials, timeoutMs }),
        createHttpAdapter({
          id: 'own',
          startUrl: '/start',
          completeUrl: '/complete',
          headers,
          credentials,
          timeoutMs,
          buildStartBody: options.buildStartBody,
        }),
        { ...adapter, checkToken: options.checkToken } satisfies ResetAdapter,
      ]
    }
    expectTypeOf(Wrapper).returns.not.toBeAny()
    expectTypeOf(adapters).returns.items.toExtend<ResetAdapter>()
  })

  it('a custom adapter is typed by ResetAdapter, and one missing completeReset is refused', () => {
    const custom = {
      id: 'custom',
      pkce: true,
      tokenParams: ['token'],
      startReset: async () => {},
      completeReset: async () => {},
    } satisfies ResetAdapter
    // @ts-expect-error completeReset is required
    const partial: ResetAdapter = { id: 'custom', pkce: false, tokenParams: ['token'], startReset: async () => {} }
    expectTypeOf(custom).toExtend<ResetAdapter>()
    expectTypeOf(partial).toEqualTypeOf<ResetAdapter>()
  })
})
