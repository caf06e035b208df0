import { isCommonAssetRequest } from 'msw'
import { mswLoader } from 'msw-storybook-addon/csf3'

/**
 * Starts msw's service worker once and installs each story's `parameters.msw.handlers`. The worker
 * script is fetched relative to iframe.html, so a build served from a subpath works too. The
 * portable-stories test swaps this loader for one backed by msw/node.
 */
export const mswBrowserLoader = mswLoader(async () => {
  const { setupWorker } = await import('msw/browser')
  const worker = setupWorker()
  await worker.start({
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      // Storybook's own files and the kit's locale chunks are not API calls.
      if (isCommonAssetRequest(request) || new URL(request.url).origin === location.origin) return
      print.warning()
    },
  })
  return worker
})
