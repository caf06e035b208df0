const settled = new WeakMap<Promise<string>, string>()

/**
 * Renders `data` once it resolves, suspending its Suspense boundary until then. It throws the
 * pending promise, which React 18 and 19 both understand (`use` is React 19 only), so a test of
 * a page beside it runs on both.
 */
export function SuspendingSibling({ data }: { data: Promise<string> | undefined }) {
  if (!data) return null
  if (!settled.has(data)) throw data.then((value) => void settled.set(data, value))
  return <p>{settled.get(data)}</p>
}
