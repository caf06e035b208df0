// Shared by check-pack.mjs and check-consumers.mjs: build the package and `npm pack` it once.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const root = resolve(import.meta.dirname, '..')
export const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** What may be in the tarball; anything else (tests, demo, stories, sources, maps…) fails the check. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICEN[CS]E(\.md|\.txt)?$/,
  /^dist\/.+\.js$/,
  /^dist\/.+\.d\.ts$/,
  /^dist\/styles\.css$/,
  /^locales\/[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\/reset-kit\.json$/,
]

/** Runs `npm run build` with its output shown (stderr, so a caller's stdout stays clean). */
export function build() {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] })
}

/**
 * Packs the package (as built) into `destination` (the repository root by default, where the
 * consumer fixtures' `file:../../../reset-kit-<version>.tgz` dependency points) and returns what
 * npm reports. Lifecycle scripts are skipped: the caller has just built.
 */
export function pack(destination = root) {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const [info] = JSON.parse(out.slice(out.indexOf('[')))
  const disallowed = info.files.map((file) => file.path).filter((path) => !ALLOWED.some((rule) => rule.test(path)))
  return { ...info, path: join(destination, info.filename), disallowed }
}
