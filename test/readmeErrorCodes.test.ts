import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RESET_ERROR_CODES } from '../src/core/isResetErrorCode'

// The README's "Security model, in plain words" section documents every code `onError` can
// receive. A code added to the kit without a row there, or a row for a code that is gone, fails.

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')

function securitySection(markdown: string): string {
  const start = markdown.indexOf('## Security model, in plain words')
  if (start === -1) throw new Error('README.md has no "## Security model, in plain words" section')
  const next = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, next === -1 ? undefined : next)
}

/** The codes in the first column of the section's table rows: `| `code` | when | what the user sees |`. */
function documentedCodes(section: string): string[] {
  return [...section.matchAll(/^\|\s*`([a-z_]+)`\s*\|([^|]+)\|([^|]+)\|\s*$/gm)].map((match) => match[1]!)
}

describe('README security model', () => {
  const section = securitySection(README)
  const codes = documentedCodes(section)

  it('has a table row for exactly the codes of RESET_ERROR_CODES, each once', () => {
    expect([...codes].sort()).toEqual([...RESET_ERROR_CODES].sort())
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('says when each code happens and what the user sees, in words', () => {
    for (const match of section.matchAll(/^\|\s*`([a-z_]+)`\s*\|([^|]+)\|([^|]+)\|\s*$/gm)) {
      expect(match[2]!.trim().length, `${match[1]}: when`).toBeGreaterThan(20)
      expect(match[3]!.trim().length, `${match[1]}: what the user sees`).toBeGreaterThan(20)
    }
  })

  it('explains what PKCE protects, why the same-browser rule exists and what the user sees when it is broken', () => {
    expect(section).toMatch(/PKCE ties the link to this browser/)
    expect(section).toMatch(/What PKCE does not protect/)
    expect(section).toMatch(/link must be opened in the browser that asked/)
    expect(section).toContain("This link can't be used in this browser")
  })
})
