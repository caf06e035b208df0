import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')
const ADAPTERS = join(ROOT, 'src', 'adapters')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  )
}

function importsOf(file: string): string[] {
  // Comments are dropped first: JSDoc examples show how hosts import the package.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!)
}

describe('src/adapters import boundary', () => {
  const files = sourceFiles(ADAPTERS)

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(['http', 'stytch', 'stack-auth', 'supabase', 'better-auth', 'shared'])('checks src/adapters/%s', (folder) => {
    expect(files.some((file) => relative(ADAPTERS, file).startsWith(`${folder}/`))).toBe(true)
  })

  it.each(files.map((file) => [relative(ROOT, file), file]))(
    '%s imports no React and nothing outside core',
    (_name, file) => {
      for (const specifier of importsOf(file)) {
        expect(specifier).not.toMatch(/^react(-dom)?(\/|$)|^@tanstack\/react|^react-i18next|^react-hook-form/)
        if (specifier.startsWith('.')) {
          const target = relative(ROOT, join(file, '..', specifier))
          expect(target.startsWith('src/core') || target.startsWith('src/adapters')).toBe(true)
        } else {
          expect.fail(`${relative(ROOT, file)} imports the package "${specifier}"; adapters may import only src/core`)
        }
      }
    },
  )
})
