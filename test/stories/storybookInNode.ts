import { setProjectAnnotations } from '@storybook/react-vite'
import type { SetupWorker } from 'msw/browser'
import { setupServer } from 'msw/node'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { mswBrowserLoader } from '../../.storybook/mswBrowserLoader'
import preview from '../../.storybook/preview'

/**
 * Gives composed stories Storybook's own project annotations, except that msw runs as msw/node's
 * server instead of the browser's service worker: the addon's loader only calls `use` and
 * `resetHandlers`, which both have. Call it once per test file; it closes the server after the
 * file's tests.
 */
export function storybookInNode(): void {
  const server = setupServer()
  const otherLoaders = [preview.loaders ?? []].flat().filter((loader) => loader !== mswBrowserLoader)
  setProjectAnnotations([
    {
      ...preview,
      loaders: [
        mswLoader(() => {
          server.listen({ onUnhandledRequest: 'error' })
          return server as unknown as SetupWorker
        }),
        ...otherLoaders,
      ],
    },
  ])
  afterAll(() => server.close())
}
