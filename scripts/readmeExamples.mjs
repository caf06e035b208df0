// The README's code examples as files, for what checks them: test/readmeExamples.test.ts compiles
// its ts and tsx blocks, and scripts/check-consumers.mjs compares its Jest config blocks with the
// jest fixture's files.

/** A line that names the file the lines below it belong to: `// app/resetAdapter.ts` or `// app/x.tsx: what it is`. */
const PATH_COMMENT = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.(?:tsx?|c?js))(?::.*)?$/

/**
 * The blocks fenced with one of `languages`, cut into files at their path comments. A block
 * without one is one file, named after its line and put in `app/` beside the named ones: the
 * README reads as one app, so a later example's `./resetAdapter` means the first example's
 * `app/resetAdapter.ts`. A file's text starts with its path comment, if it has one.
 */
export function readmeExampleFiles(markdown, languages) {
  const lines = markdown.split('\n')
  const files = []
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\S*)/.exec(lines[i])
    if (!fence) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !lines[end].startsWith('```')) end++
    i = end
    const lang = fence[1]
    if (!languages.includes(lang)) continue
    let current
    lines.slice(start, end).forEach((line, index) => {
      const named = PATH_COMMENT.exec(line)
      if (named || !current) {
        current = {
          path: named ? named[1] : `app/readme-line-${start}.${lang}`,
          firstLine: start + index + 1,
          text: '',
        }
        files.push(current)
      }
      current.text += `${line}\n`
    })
  }
  return files
}
