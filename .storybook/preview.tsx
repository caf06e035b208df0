import type { Decorator, Preview } from '@storybook/react-vite'
import { ResetKitProvider } from '../src'
import { LOCALES, THEMES, WCAG_TAGS } from './globals'
import { mswBrowserLoader } from './mswBrowserLoader'
import '../src/styles/reset-kit.css'
import './brands.css'
import './preview.css'

// Docs pages embed each story in its own iframe (see `docs.story.inline` below). Embedded with
// `embed=true`, a story still runs its loaders (link, verifier, msw) but not its play function:
// a dozen play functions typing at once in sibling iframes would steal each other's focus and
// scroll the page about. Open a story from the sidebar to see it play.
const docsGlobals = globalThis as { PREVIEW_URL?: string }
docsGlobals.PREVIEW_URL ??= 'iframe.html?embed=true'

/**
 * Every story renders inside a provider set to the toolbar's locale, on a stage whose
 * `data-theme` is the toolbar's theme: the same attribute an app puts on `<html>`.
 */
const withLocaleAndTheme: Decorator = (Story, { globals }) => (
  <ResetKitProvider locale={globals.locale}>
    <div className="sb-stage" data-theme={globals.theme} lang={globals.locale}>
      <Story />
    </div>
  </ResetKitProvider>
)

const preview: Preview = {
  loaders: [mswBrowserLoader],
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language of the kit',
      toolbar: { title: 'Locale', icon: 'globe', items: [...LOCALES], dynamicTitle: true },
    },
    theme: {
      description: 'data-theme of the stage',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: [...THEMES], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: { test: 'error', options: { runOnly: { type: 'tag', values: WCAG_TAGS } } },
    docs: {
      // Each story in its own iframe: stories keep their own URL, storage and msw handlers
      // instead of sharing one page.
      story: { inline: false, iframeHeight: 620 },
      // The adapter is an object of functions: show it as the variable an app would pass.
      source: {
        transform: (code: string) =>
          code
            .replace(/adapter=\{\{\n[\s\S]*?\n {2}\}\}/, 'adapter={adapter}')
            .replace(/=\{function \w*\(\)\{\}\}/g, '={() => {}}'),
      },
    },
    options: {
      storySort: {
        order: [
          'Guides',
          ['Theming', 'Localizing'],
          'Components',
          ['ForgotPasswordForm', 'ResetPasswordPage'],
          'Theming',
        ],
      },
    },
  },
}

export default preview
