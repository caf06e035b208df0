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
// Exits non-zero on the first failing check.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { relative } from 'node:path'
import { build, pack, root } from './packTarball.mjs'

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

if (!process.argv.includes('--keep')) rmSync(tarball.path, { force: true })
console.log('\n✔ pack:check passed')
