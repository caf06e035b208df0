import type { StorybookConfig } from '@storybook/react-vite'

/**
 * Storybook for reset-kit. Every story talks to the backends' wire formats through msw (the
 * worker script lives in ./public), so nothing here needs a network: `npm run storybook` and
 * `npm run build-storybook` work offline, with telemetry off.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    // Follows the props through `extends UseForgotPasswordOptions, AppearanceProps<…>` into
    // src/, so the autodocs tables show every prop with its JSDoc and @default.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !prop.parent.fileName.includes('node_modules'),
    },
  },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite')
    const { tailwindPlugin } = await import('./tailwindPlugin')
    // Tailwind only exists here, for the Theming/Tailwind story: the kit itself never needs it.
    return mergeConfig(config, { plugins: [tailwindPlugin()] })
  },
}

export default config
