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
//   - TypeScript's own `nodenext` resolution, which attw does not model: from an ES module every
//     entry finds its types; from a CommonJS file none does. Since TypeScript 5.8, `nodenext`
//     lets CommonJS require() an ES module, so types it could find there would type-check an
//     import that Node then refuses (the exports have no `require` condition).
// Exits non-zero on the first failing check.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build, pack, pkg, root } from './packTarball.mjs'

const bin = (name) => `${root}/node_modules/.bin/${name}`
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
  './styles.css',
  './locales/*',
  '--no-color',
])

/** Which entries TypeScript's `nodenext` resolves to types, from an ES module and from CommonJS. */
function checkNodeNextResolution(tarballPath) {
  console.log('\n▶ TypeScript nodenext: every entry from an ES module, none from CommonJS')
  const ts = createRequire(join(root, 'package.json'))('typescript')
  const app = mkdtempSync(join(tmpdir(), 'reset-kit-resolve-'))
  try {
    const installed = join(app, 'node_modules', pkg.name)
    mkdirSync(installed, { recursive: true })
    execFileSync('tar', ['-xzf', tarballPath, '-C', installed, '--strip-components=1'])
    // No "type": the app's .ts files are CommonJS; .mts files are ES modules either way.
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n')
    const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
    const resolve = (specifier, file, mode) =>
      ts.resolveModuleName(specifier, join(app, file), options, ts.sys, undefined, undefined, mode).resolvedModule
    const problems = []
    for (const subpath of Object.keys(pkg.exports)) {
      if (subpath.includes('*') || subpath === './package.json' || subpath === './styles.css') continue
      const specifier = pkg.name + subpath.slice(1)
      const fromEsm = resolve(specifier, 'index.mts', ts.ModuleKind.ESNext)
      const fromCjs = resolve(specifier, 'index.ts', ts.ModuleKind.CommonJS)
      if (!fromEsm?.resolvedFileName.endsWith('.d.ts')) problems.push(`${specifier}: no types from an ES module`)
      if (fromCjs) problems.push(`${specifier}: types found from CommonJS (${relative(app, fromCjs.resolvedFileName)})`)
      else console.log(`  ${specifier}: ${relative(installed, fromEsm?.resolvedFileName ?? '')}; none from CommonJS`)
    }
    if (problems.length > 0) {
      console.error(`✖ nodenext resolution:\n  ${problems.join('\n  ')}`)
      process.exit(1)
    }
  } finally {
    rmSync(app, { recursive: true, force: true })
  }
}

checkNodeNextResolution(tarball.path)

if (!process.argv.includes('--keep')) rmSync(tarball.path, { force: true })
console.log('\n✔ pack:check passed')
