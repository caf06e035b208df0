/**
 * Checks an endpoint URL given to an adapter factory: it must be absolute and use http or https.
 * Throws a `TypeError` naming the option and showing a valid value, because a wrong URL is a
 * developer mistake that should fail at start-up rather than on a user's first request.
 *
 * @returns The value unchanged.
 */
export function assertHttpUrl(value: unknown, name: string, example: string): string {
  let url: URL | undefined
  if (typeof value === 'string') {
    try {
      url = new URL(value)
    } catch {
      url = undefined
    }
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(
      `reset-kit: \`${name}\` must be an absolute http(s) URL such as "${example}"; got ${JSON.stringify(value)}.`,
    )
  }
  return value as string
}
