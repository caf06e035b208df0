// @vitest-environment node
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'
import { readmeExampleFiles } from '../scripts/readmeExamples.mjs'

// The README's ts/tsx examples are what people paste first, and nothing else compiles them: each
// one is type-checked here against src/, through the package's own entry names, so a renamed
// prop or option fails this test instead of a reader's build.

const ROOT = join(import.meta.dirname, '..')
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')

// The host app's own helpers that examples call. Only the app's: reset-kit's API is never
// declared here, it comes from src/.
const HOST_DECLARATIONS = `
/** The app's mailer, called by the Better Auth server example. */
declare function sendEmail(message: { to: string; subject: string; text: string }): Promise<void>
`

/**
 * Each public entry of package.json's `exports`, mapped to its source: the built `types` path
 * (`./dist/adapters/stytch/index.d.ts`) names its source (`src/adapters/stytch/index.ts`).
 */
function sourcePaths(): Record<string, string[]> {
  const { name, exports } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string
    exports: Record<string, string | { types: string }>
  }
  const paths: Record<string, string[]> = {}
  for (const [key, target] of Object.entries(exports)) {
    if (key === './package.json') continue
    const specifier = name + key.slice(1)
    let source: string
    // scripts/finish-build.mjs copies the stylesheet to dist/styles.css.
    if (key === './styles.css') source = 'src/styles/reset-kit.css'
    else if (typeof target === 'object') source = target.types.replace(/^\.\/dist\/(.*)\.d\.ts$/, 'src/$1.ts')
    else source = target.replace(/^\.\//, '')
    paths[specifier] = [join(ROOT, source)]
  }
  return paths
}

/** The ambient `.d.ts` files of src/, which no import pulls in. */
function sourceDeclarations(): string[] {
  return readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.d.ts'))
    .map((name) => join(ROOT, 'src', name))
}

/** Whether `specifier` is one of the mapped entries, counting `reset-kit/locales/*` patterns. */
function mappedTarget(paths: Record<string, string[]>, specifier: string): string | undefined {
  for (const [pattern, [target]] of Object.entries(paths)) {
    const star = pattern.indexOf('*')
    if (star === -1 && pattern === specifier) return target
    if (star !== -1 && specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1))) {
      return target!.replace('*', specifier.slice(star, specifier.length - (pattern.length - star - 1)))
    }
  }
  return undefined
}

describe('README examples', () => {
  const files = readmeExampleFiles(README, ['ts', 'tsx'])
  const paths = sourcePaths()
  let dir = ''

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reset-kit-readme-'))
    // The scratch app resolves react, i18next, better-auth and vite's types from the project's installs.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('finds the examples, each file named once', () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
    expect(files.map((file) => file.path)).toContain('app/resetAdapter.ts')
    const names = files.map((file) => file.path)
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([])
  })

  it('maps every public entry of package.json to a source file that exists', () => {
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['reset-kit', 'reset-kit/stytch', 'reset-kit/styles.css']),
    )
    for (const [specifier, [target]] of Object.entries(paths)) {
      if (!specifier.includes('*')) expect(existsSync(target!), `${specifier} → ${target}`).toBe(true)
    }
  })

  it('compiles every ts and tsx example against src/', () => {
    for (const file of files) {
      mkdirSync(join(dir, dirname(file.path)), { recursive: true })
      writeFileSync(join(dir, file.path), file.text)
    }
    writeFileSync(join(dir, 'host.d.ts'), HOST_DECLARATIONS)
    const tsconfig = {
      // The project's compiler options (strict, react-jsx, noUncheckedIndexedAccess, …), with the
      // types of a Vite app (`import.meta.env`) instead of the tests' vitest globals.
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: { types: ['vite/client'], paths },
      // src/'s own ambient declarations (its `process`) come along, as in the build's tsconfig.
      files: ['host.d.ts', ...sourceDeclarations(), ...files.map((file) => file.path)],
      // Else the project's `include` (src, test, …) is inherited with its options.
      include: [],
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))

    const config = ts.getParsedCommandLineOfConfigFile(
      join(dir, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
        },
      },
    )!
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options })
    const bySource = new Map(files.map((file) => [join(dir, file.path), file]))

    // Each problem with its README line, so the report reads in README order.
    const problems: { line: number; text: string }[] = []
    const report = (sourceFile: ts.SourceFile | undefined, start: number | undefined, message: string) => {
      const example = sourceFile && bySource.get(sourceFile.fileName)
      if (!sourceFile || start === undefined || !example) {
        const where = sourceFile ? relative(ROOT, sourceFile.fileName) : 'tsc'
        problems.push({ line: Number.POSITIVE_INFINITY, text: `${where}: ${message}` })
        return
      }
      const line = example.firstLine + sourceFile.getLineAndCharacterOfPosition(start).line
      problems.push({ line, text: `README.md:${line} (${example.path}): ${message}` })
    }
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      report(diagnostic.file, diagnostic.start, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    }

    // tsc lets a side-effect import (`import 'reset-kit/styles.css'`) go unresolved, and vite's
    // `*.css` module would cover a misspelt one: every reset-kit specifier must be an entry.
    for (const sourceFile of program.getSourceFiles()) {
      if (!bySource.has(sourceFile.fileName)) continue
      for (const statement of sourceFile.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
        const specifier = statement.moduleSpecifier.text
        if (specifier !== 'reset-kit' && !specifier.startsWith('reset-kit/')) continue
        const target = mappedTarget(paths, specifier)
        if (!target || !existsSync(target)) {
          report(sourceFile, statement.getStart(), `'${specifier}' is not an entry of package.json`)
        }
      }
    }

    const sorted = problems.sort((a, b) => a.line - b.line).map((problem) => problem.text)
    expect(sorted, sorted.join('\n')).toEqual([])
    // One tsc program over React's, i18next's and Better Auth's types: seconds, not milliseconds.
  }, 30_000)
})
