// `npm run pack:check`: build, `npm pack`, then check the tarball a user would install.
//   - only shipped files: dist/**/*.js, dist/**/*.d.ts, dist/styles.css, locales/*/reset-kit.json,
//     package.json, README.md, CHANGELOG.md (no tests, demo, stories, sources or source maps);
//   - publint --strict (package.json fields, exports, files);
//   - Are The Types Wrong, profile "esm-only": the package is ESM only by design (browser
//     components for bundlers), so the profile skips the two resolutions that cannot apply:
//     `node16` from CommonJS (a `require()` of an ES module; TypeScript reports it as
//     "dynamic import only") and `node10` (`moduleResolution: "node"`, which predates `exports`
//     and cannot see subpaths such as `reset-kit/stytch`). `bundler` and `node16`/`nodenext` from
//     ESM must resolve every entry to its types. `./styles.css` has no types to find, and
//     `./locales/*` is a wildcard attw does not expand, so both are left out of its check.
//   - CommonJS, which attw's esm-only profile skips: Node 20.19 and later require() an ES
//     module, and since 5.8 TypeScript's `nodenext` types such a require() (attw models only
//     `node16`, which refuses it). Every entry must find its types from a CommonJS file as from
//     an ES module, and every entry with no peer to load (all but the components) must load
//     with require() in Node, so what type-checks also runs.
// Exits non-zero on the first failing check.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build, pack, pkg, root } from './packTarball.mjs'

const bin = (name) => `${root}/node_modules/.bin/${name}`
// Entries with no types to check: the stylesheet, and the locale files' wildcard.
const UNTYPED_ENTRIES = ['./styles.css', './locales/*']
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

function run(title, command, args) {
  console.log(`\n▶ ${title}`)
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit' })
  } catch {
    console.error(`✖ ${title} failed`)
    process.exit(1)
  }
}

build()
const tarball = pack()
console.log(
  `\n▶ npm pack: ${relative(root, tarball.path)}, ${tarball.entryCount} files, ${kb(tarball.size)} packed, ${kb(tarball.unpackedSize)} unpacked`,
)
for (const file of tarball.files) console.log(`  ${String(file.size).padStart(7)}  ${file.path}`)
if (tarball.disallowed.length > 0) {
  console.error(`✖ files that should not be published:\n  ${tarball.disallowed.join('\n  ')}`)
  process.exit(1)
}

run('publint --strict', bin('publint'), ['run', '--strict', tarball.path])
run('attw --profile esm-only', bin('attw'), [
  tarball.path,
  '--profile',
  'esm-only',
  '--exclude-entrypoints',
  ...UNTYPED_ENTRIES,
  '--no-color',
])

/** What `require(specifier)` gives in Node, run in `cwd`: its export count, or the error's line. */
function requireIn(cwd, specifier) {
  try {
    const script = `Object.keys(require(${JSON.stringify(specifier)})).length`
    const count = execFileSync(process.execPath, ['-p', script], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { loaded: `require() gives ${count.trim()} exports` }
  } catch (error) {
    const lines = String(error.stderr ?? error).split('\n')
    return { failed: lines.find((line) => /Error/.test(line)) ?? lines[0] }
  }
}

/** Each entry's types through TypeScript's `nodenext`, and the entries Node can require(). */
function checkCommonJs(tarballPath) {
  console.log('\n▶ CommonJS: nodenext types for every entry, require() in Node for those with no peer')
  const ts = createRequire(join(root, 'package.json'))('typescript')
  const app = mkdtempSync(join(tmpdir(), 'reset-kit-cjs-'))
  try {
    const installed = join(app, 'node_modules', pkg.name)
    mkdirSync(installed, { recursive: true })
    execFileSync('tar', ['-xzf', tarballPath, '-C', installed, '--strip-components=1'])
    const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
    const typesFor = (specifier, mode) =>
      ts.resolveModuleName(specifier, join(app, 'index.ts'), options, ts.sys, undefined, undefined, mode).resolvedModule
        ?.resolvedFileName
    const problems = []
    for (const subpath of Object.keys(pkg.exports)) {
      if (subpath === './package.json' || UNTYPED_ENTRIES.includes(subpath)) continue
      const specifier = pkg.name + subpath.slice(1)
      const types = [ts.ModuleKind.ESNext, ts.ModuleKind.CommonJS].map((mode) => typesFor(specifier, mode))
      if (!types.every((file) => file?.endsWith('.d.ts'))) problems.push(`${specifier}: types ${types.join(', ')}`)
      // The components' entry loads React, TanStack Query and i18next, which are not installed here.
      const { loaded, failed } = subpath === '.' ? { loaded: 'not loaded (peers)' } : requireIn(app, specifier)
      if (failed) {
        problems.push(`${specifier}: require() failed: ${failed}`)
        continue
      }
      console.log(`  ${specifier}: ${relative(installed, types[1] ?? '')}; ${loaded}`)
    }
    if (problems.length > 0) {
      console.error(`✖ CommonJS:\n  ${problems.join('\n  ')}`)
      process.exit(1)
    }
  } finally {
    rmSync(app, { recursive: true, force: true })
  }
}

checkCommonJs(tarball.path)

if (!process.argv.includes('--keep')) rmSync(tarball.path, { force: true })
console.log('\n✔ pack:check passed')
