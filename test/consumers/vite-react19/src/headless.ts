// Type-checked only (nothing imports it): the core's option factories spread into TanStack
// Query's own options, as the README's headless section does, under exactOptionalPropertyTypes
// (this project's tsconfig), where an option typed `undefined` would not compile.
import { MutationObserver, QueryClient } from '@tanstack/react-query'
import {
  completeResetOptions,
  createWebStorageVerifierStore,
  startResetOptions,
  type ResetAdapter,
} from 'reset-kit/core'

export function observers(adapter: ResetAdapter) {
  const client = new QueryClient()
  const store = createWebStorageVerifierStore()
  return [
    new MutationObserver(client, {
      ...startResetOptions({ adapter, store, redirectUrl: 'https://app.example.com/reset-password', locale: 'en' }),
    }),
    new MutationObserver(client, { ...completeResetOptions({ adapter, store }) }),
  ]
}
