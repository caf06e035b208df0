/**
 * The `TypeError` the kit throws for a mistake in its options (an adapter factory's or a
 * component's). Call sites pass the full explanation as `process.env.NODE_ENV !== 'production' && \`reset-kit: …\``: bundlers replace
 * `process.env.NODE_ENV` and drop the text from production builds, where the message becomes the
 * short `reset-kit: bad <name>`. The check and the throw stay in every build.
 *
 * @example
 * throw optionError('id', process.env.NODE_ENV !== 'production' && `reset-kit: \`id\` must be …`)
 */
export function optionError(name: string, detail: string | false): TypeError {
  return new TypeError(detail || `reset-kit: bad ${name}`)
}
