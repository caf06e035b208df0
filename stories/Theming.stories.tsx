import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useRef } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { ForgotPasswordForm, ResetPasswordPage, type ClassNames, type ForgotPasswordPart } from '../src'
import { openLink, REDIRECT_URL, requestStytchLink, stytchBackend } from './support/backends'
import { messagesFor } from './support/messages'
import './plain-css-theme.css'
import './tailwind.css'

/**
 * The same `<ForgotPasswordForm>` dressed three ways: with Tailwind utilities, with a plain
 * class-based stylesheet and with the kit's stylesheet under two brand themes; then both
 * components in a playground that edits the --rk-* properties live.
 */
const meta = {
  title: 'Theming',
  parameters: { layout: 'fullscreen' },
} satisfies Meta

export default meta

/** Tailwind utilities per part; state variants read the kit's attributes (`data-invalid:`, `aria-disabled:`). */
const tailwindClassNames: ClassNames<ForgotPasswordPart> = {
  root: 'mx-auto max-w-sm rounded-2xl bg-white p-8 font-sans wrap-anywhere text-slate-900 shadow-xl ring-1 ring-slate-900/10 dark:bg-slate-900 dark:text-slate-100 dark:ring-white/15',
  heading: 'mt-0 mb-2 text-2xl font-semibold tracking-tight text-balance focus:outline-none',
  description: 'mt-0 mb-6 grid gap-2 text-sm/6 *:m-0 text-slate-600 dark:text-slate-300',
  alert: 'mb-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200',
  form: 'grid gap-5',
  field: 'grid gap-1.5',
  label: 'text-sm font-medium',
  input:
    'h-11 min-w-0 rounded-lg border border-slate-500 bg-transparent px-3 font-sans text-base text-inherit outline-none focus-visible:border-indigo-600 focus-visible:ring-4 focus-visible:ring-indigo-600/25 data-invalid:border-red-700 dark:border-slate-400 dark:focus-visible:border-indigo-300 dark:data-invalid:border-red-300',
  fieldError: 'm-0 text-sm text-red-700 dark:text-red-300',
  submit:
    'h-11 cursor-pointer rounded-lg border-0 bg-indigo-600 px-4 font-sans text-base font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 dark:bg-indigo-300 dark:text-slate-950 dark:hover:bg-indigo-200',
  actions: 'grid gap-3',
  resend:
    'h-11 cursor-pointer rounded-lg border-0 bg-indigo-600 px-4 font-sans text-base font-semibold text-white aria-disabled:cursor-not-allowed aria-disabled:opacity-60 dark:bg-indigo-300 dark:text-slate-950',
  countdown: 'm-0 text-sm text-slate-600 dark:text-slate-300',
  useAnotherEmail:
    'h-11 cursor-pointer rounded-lg border-0 bg-transparent px-4 font-sans text-base font-medium text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:text-indigo-200 dark:ring-slate-600 dark:hover:bg-slate-800',
  cooldownStatus: 'sr-only',
}

const tailwind = stytchBackend('theming-tailwind')

/**
 * `unstyled` drops the kit's stylesheet hook and `classNames` hands each part Tailwind utilities;
 * Tailwind is set up in Storybook's `viteFinal` only. The field error shows how `data-invalid:`
 * styles state.
 */
export const Tailwind: StoryObj<typeof ForgotPasswordForm> = {
  args: { adapter: tailwind.adapter, redirectUrl: REDIRECT_URL, unstyled: true, classNames: tailwindClassNames },
  render: (args) => <ForgotPasswordForm {...args} />,
  parameters: { msw: { handlers: tailwind.handlers } },
  loaders: [tailwind.fresh],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    const canvas = within(canvasElement)
    const root = canvasElement.querySelector('[data-part="root"]')
    await expect(root).not.toHaveAttribute('data-reset-kit')
    await expect(root).toHaveClass('rounded-2xl')
    await canvas.findByRole('heading', { name: m.forgot.title }, { timeout: 5000 })
    await userEvent.type(canvas.getByRole('textbox', { name: m.forgot.emailLabel }), 'ada@example')
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await expect(await canvas.findByText(m.errors.invalid_email)).toHaveClass('text-red-700')
  },
}

/** A BEM-style stylesheet of the host's (stories/plain-css-theme.css), given through `classNames`. */
const plainClassNames: ClassNames<ForgotPasswordPart> = {
  root: 'acme-reset',
  heading: 'acme-reset__title',
  description: 'acme-reset__text',
  alert: 'acme-reset__alert',
  form: 'acme-reset__form',
  field: 'acme-reset__field',
  label: 'acme-reset__label',
  input: 'acme-reset__input',
  fieldError: 'acme-reset__error',
  submit: 'acme-reset__button',
  actions: 'acme-reset__actions',
  resend: 'acme-reset__button',
  countdown: 'acme-reset__hint',
  useAnotherEmail: 'acme-reset__button acme-reset__button--quiet',
  cooldownStatus: 'acme-reset__visually-hidden',
}

const plainCss = stytchBackend('theming-plain-css')

/** Plain CSS beside the kit: class names per part, state from `[data-invalid]`, `[data-pending]`, `[aria-disabled]`. */
export const PlainCss: StoryObj<typeof ForgotPasswordForm> = {
  name: 'Plain CSS',
  args: { adapter: plainCss.adapter, redirectUrl: REDIRECT_URL, unstyled: true, classNames: plainClassNames },
  render: (args) => <ForgotPasswordForm {...args} />,
  parameters: { msw: { handlers: plainCss.handlers } },
  loaders: [plainCss.fresh],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    const canvas = within(canvasElement)
    await canvas.findByRole('heading', { name: m.forgot.title }, { timeout: 5000 })
    await expect(canvasElement.querySelector('[data-part="root"]')).toHaveClass('acme-reset')
    await expect(canvasElement.querySelector('[data-part="root"]')).not.toHaveAttribute('data-reset-kit')
  },
}

const ember = stytchBackend('theming-ember')
const lagoon = stytchBackend('theming-lagoon')

/**
 * The kit's own stylesheet under the two brand themes of .storybook/brands.css: each is only a
 * `[data-theme="<brand>"]` block of --rk-* values on an ancestor. The nearest one wins.
 */
export const BrandThemes: StoryObj = {
  name: 'Brand themes',
  render: () => (
    <div className="sb-brands">
      <div className="sb-brand" data-theme="ember">
        <ForgotPasswordForm adapter={ember.adapter} redirectUrl={REDIRECT_URL} headingLevel={3} />
      </div>
      <div className="sb-brand" data-theme="lagoon">
        <ForgotPasswordForm adapter={lagoon.adapter} redirectUrl={REDIRECT_URL} headingLevel={3} />
      </div>
    </div>
  ),
  parameters: { msw: { handlers: [...ember.handlers, ...lagoon.handlers] } },
  loaders: [ember.fresh, lagoon.fresh],
}

interface Token {
  /** The custom property. */
  name: `--rk-${string}`
  /** The stylesheet's light value, in the control's terms. */
  value: string | number
  control: 'color' | 'range' | 'select'
  unit?: 'px'
  min?: number
  max?: number
  options?: readonly string[]
}

/** The --rk-* properties the playground edits, with the stylesheet's light values. */
const TOKENS: readonly Token[] = [
  { name: '--rk-color-primary', value: '#1f5fd6', control: 'color' },
  { name: '--rk-color-primary-text', value: '#ffffff', control: 'color' },
  { name: '--rk-color-text', value: '#1f2328', control: 'color' },
  { name: '--rk-color-muted', value: '#59636e', control: 'color' },
  { name: '--rk-color-background', value: '#ffffff', control: 'color' },
  { name: '--rk-color-border', value: '#8c959f', control: 'color' },
  { name: '--rk-color-divider', value: '#d1d9e0', control: 'color' },
  { name: '--rk-color-error', value: '#b3261e', control: 'color' },
  { name: '--rk-color-success', value: '#1a7f37', control: 'color' },
  { name: '--rk-radius', value: 8, control: 'range', unit: 'px', min: 0, max: 24 },
  { name: '--rk-spacing', value: 16, control: 'range', unit: 'px', min: 8, max: 32 },
  { name: '--rk-padding', value: 32, control: 'range', unit: 'px', min: 0, max: 64 },
  { name: '--rk-control-height', value: 44, control: 'range', unit: 'px', min: 32, max: 64 },
  { name: '--rk-font-size', value: 16, control: 'range', unit: 'px', min: 12, max: 22 },
  { name: '--rk-heading-size', value: 24, control: 'range', unit: 'px', min: 16, max: 40 },
  {
    name: '--rk-font-family',
    value: 'system-ui, sans-serif',
    control: 'select',
    options: [
      'system-ui, sans-serif',
      'ui-rounded, "Nunito", system-ui, sans-serif',
      'Georgia, "Times New Roman", serif',
      'ui-monospace, "SF Mono", Menlo, monospace',
    ],
  },
]

type PlaygroundArgs = Record<Token['name'], string | number>

function cssValue(token: Token, value: string | number | undefined): string {
  return `${value ?? token.value}${token.unit ?? ''}`
}

/** The tokens whose control differs from the stylesheet's value (a colour in any letter case is the same colour). */
function changedTokens(args: PlaygroundArgs): Token[] {
  const normal = (value: string | number | undefined) => String(value).toLowerCase()
  return TOKENS.filter((token) => args[token.name] !== undefined && normal(args[token.name]) !== normal(token.value))
}

/**
 * The rule to paste into an app: only the properties that differ from the stylesheet's. Colours
 * are the light theme's, so they go where the stylesheet puts its light values: a plain `:root`
 * rule would beat the dark theme (its rules have no specificity) and leave dark text on a light card.
 */
function cssToCopy(args: PlaygroundArgs): string {
  const changed = changedTokens(args)
  if (changed.length === 0) return '/* Change a control: the CSS to copy appears here. */'
  const rule = (selector: string, tokens: Token[]) =>
    tokens.length === 0
      ? []
      : [`${selector} {`, ...tokens.map((token) => `  ${token.name}: ${cssValue(token, args[token.name])};`), '}']
  const colours = changed.filter((token) => token.control === 'color')
  const others = changed.filter((token) => token.control !== 'color')
  return [
    ...rule(':root', others),
    ...(colours.length === 0
      ? []
      : [
          '/* Light theme only: the dark theme keeps its own colours. */',
          '@media (prefers-color-scheme: light) {',
          ...rule(':root:not([data-theme="dark"])', colours).map((line) => `  ${line}`),
          '}',
          ...rule('[data-theme="light"]', colours),
        ]),
  ].join('\n')
}

const playground = stytchBackend('theming-playground')

/**
 * Both components, so every control has a part to change: once the email field shows its error,
 * the reset page's inputs and toggle are all that is left in --rk-color-border, and its strength
 * meter is the one place outside the success view in --rk-color-success.
 *
 * Sets the properties on a wrapper through the CSSOM (`style.setProperty` in an effect), the way
 * an app's stylesheet would set them on an ancestor. Storybook-only: the kit itself never writes
 * styles, so it runs under a strict Content-Security-Policy.
 */
function ThemePlayground(args: PlaygroundArgs) {
  const stage = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = stage.current
    if (!element) return
    // Only what changed, as the CSS to copy says: the rest keeps the stylesheet's own values
    // (such as its padding that narrows on small screens).
    const changed = new Set(changedTokens(args))
    for (const token of TOKENS) {
      if (changed.has(token)) element.style.setProperty(token.name, cssValue(token, args[token.name]))
      else element.style.removeProperty(token.name)
    }
  }, [args])
  return (
    <div className="sb-playground">
      <div ref={stage} className="sb-playground-stage">
        <ForgotPasswordForm adapter={playground.adapter} redirectUrl={REDIRECT_URL} />
        <ResetPasswordPage adapter={playground.adapter} forgotPasswordUrl="/forgot-password" />
      </div>
      <figure className="sb-css">
        <figcaption>CSS to copy</figcaption>
        <pre tabIndex={0}>
          <code>{cssToCopy(args)}</code>
        </pre>
      </figure>
    </div>
  )
}

/**
 * Edit the --rk-* properties in the Controls panel; both components follow live and the CSS to
 * copy appears below them. The play function leaves a field error on screen so the error colour
 * shows, and fills the strength meter so the success colour does.
 */
export const Playground: StoryObj<typeof ThemePlayground> = {
  name: 'Theme playground',
  render: (args) => <ThemePlayground {...args} />,
  args: Object.fromEntries(TOKENS.map((token) => [token.name, token.value])) as PlaygroundArgs,
  argTypes: Object.fromEntries(
    TOKENS.map((token) => [
      token.name,
      {
        control:
          token.control === 'range'
            ? { type: 'range', min: token.min, max: token.max, step: 1 }
            : token.control === 'select'
              ? { type: 'select' }
              : { type: 'color' },
        ...(token.options ? { options: token.options } : {}),
        table: { category: token.control === 'color' ? 'Colours' : 'Shape and type' },
      },
    ]),
  ),
  // The controls start from the light values, so the stage starts light too.
  globals: { theme: 'light' },
  parameters: { msw: { handlers: playground.handlers }, controls: { expanded: false } },
  loaders: [playground.fresh, async () => openLink(await requestStytchLink(playground))],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    const canvas = within(canvasElement)
    await canvas.findByRole('heading', { name: m.forgot.title }, { timeout: 5000 })
    await userEvent.type(canvas.getByRole('textbox', { name: m.forgot.emailLabel }), 'ada@example')
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await canvas.findByText(m.errors.invalid_email)
    await canvas.findByRole('heading', { name: m.reset.title }, { timeout: 5000 })
    await userEvent.type(canvas.getByLabelText(m.reset.passwordLabel), 'correct horse battery staple')
    await expect(canvasElement.querySelector('[data-part="strength"]')).toHaveAttribute('data-strength', 'strong')
  },
}
