/**
 * Part of both mutation option factories, so set on every kit mutation over whatever a host's
 * QueryClient has as defaults: no retries (a completion spends its link; a start sends an email); no
 * pausing while the browser reports offline, which would leave the button spinning and then send
 * the request on its own once back online (R3); no throwing to the host's error boundary, since
 * the form shows its errors itself; no default `scope`, which would queue the kit's request
 * behind the host's mutations (one paused offline holds it the same way).
 */
export const mutationDefaults = { retry: false, networkMode: 'always', throwOnError: false, scope: undefined } as {
  // `scope` is left out of the type: a host compiling with exactOptionalPropertyTypes could not
  // pass an explicit `undefined` on to TanStack Query's `scope?: MutationScope`.
  readonly retry: false
  readonly networkMode: 'always'
  readonly throwOnError: false
}
