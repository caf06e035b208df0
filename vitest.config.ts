import react from '@vitejs/plugin-react'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Files that set process.env.TZ: only a process's main thread reads it again, never a worker
// thread's, so these run in a child process (project `timezones`).
const SETS_TIMEZONE = ['test/core/parseRetryAfter.test.ts']

// What every jsdom project shares.
const JSDOM = {
  environment: 'jsdom',
  globals: true,
  setupFiles: ['test/setup.ts'],
  // Room for several of test/setup.ts's 3 s waits when a loaded CI machine slows them all.
  testTimeout: 15_000,
  // The i18next the tests import; project `i18next27` aliases 27 and says so.
  provide: { i18nextMajor: 26 },
}

// React 18, from the test/react18 workspace: the components' tests run on it as well as on 19.
const REACT_18 = fileURLToPath(new URL('test/react18/node_modules', import.meta.url))

/**
 * The projects: `unit` (jsdom: core, adapters, React 19), `timezones` (unit's files that set
 * TZ), `react18` (the components' tests again, on React 18), `i18next27` (the i18n tests again, on
 * i18next 27) and `e2e` (Node driving Debian's Chromium against the demo and its emulator).
 * `npm test` runs them all.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default (cores - 1) is one worker on a two-core CI machine: the jsdom files then run
    // one at a time. Two of them side by side took the unit and react18 part from about 300 s to
    // about 215 s there; the e2e files keep one at a time (below).
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    // Worker threads rather than child processes for the jsdom projects: each file still gets a
    // fresh module graph and jsdom, without a process to start. Measured on two cores: 199 s
    // against 223 s for the three jsdom projects (environment 90 s against 101 s, imports 30 s
    // against 41 s). The e2e project keeps the default below.
    pool: 'threads',
    projects: [
      {
        extends: true,
        test: {
          ...JSDOM,
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          // test/consumers holds installed apps (scripts/check-consumers.mjs) whose node_modules ship tests.
          exclude: ['test/e2e/**', 'test/consumers/**', 'test/react18/**', ...SETS_TIMEZONE],
          // The public types' own tests (test/types), which tsc runs: a `@ts-expect-error` that
          // meets no error, or an `expectTypeOf` that does not hold, fails them.
          typecheck: {
            enabled: true,
            include: ['test/types/**/*.test-d.{ts,tsx}'],
            // With exactOptionalPropertyTypes on, as a strict app's (see the file).
            tsconfig: './tsconfig.types.json',
          },
        },
      },
      {
        extends: true,
        test: {
          ...JSDOM,
          name: 'timezones',
          include: SETS_TIMEZONE,
          pool: 'forks',
        },
      },
      {
        extends: true,
        resolve: {
          alias: [
            { find: /^(react|react-dom)(\/.*)?$/, replacement: `${REACT_18}/$1$2` },
            // Its `main` is CommonJS, which Node would load with its own require('react-dom').
            {
              find: /^@testing-library\/react$/,
              replacement: '@testing-library/react/dist/@testing-library/react.esm.js',
            },
          ],
        },
        test: {
          ...JSDOM,
          name: 'react18',
          include: ['test/react/**/*.test.tsx'],
          // <Activity> is React 19.2's.
          exclude: ['test/react/Activity.test.tsx'],
          // Transformed here rather than loaded by Node, so their `react` goes through the alias too.
          server: { deps: { inline: [/@testing-library\/react/, /@tanstack\/react-query/] } },
        },
      },
      {
        extends: true,
        // i18next 27 (the devDependency `i18next-27`) in place of 26 for the kit and the tests alike:
        // the peer range takes both, and 27 changed defaults a host instance brings with it.
        resolve: { alias: [{ find: /^i18next$/, replacement: 'i18next-27' }] },
        test: {
          ...JSDOM,
          name: 'i18next27',
          include: [
            'test/i18n/**/*.test.ts',
            'test/react/localization.test.tsx',
            'test/react/textLocale.test.tsx',
            'test/react/ResetKitProvider.test.tsx',
            'test/react/emptyStrings.test.tsx',
          ],
          // Read by test/react/emptyStrings.test.tsx, which checks the alias took.
          provide: { i18nextMajor: 27 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          globals: true,
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One file at a time, after the jsdom projects: Chromium is CPU-bound here (two files side
          // by side took as long as one after the other), and the tests that measure time or wait
          // for a countdown must not share the machine with a jsdom run.
          fileParallelism: false,
          // A child process, as before the jsdom projects moved to threads: threads were not
          // measured here, and the one worker holds every file's preview server and connections.
          pool: 'forks',
          sequence: { groupOrder: 1 },
          // One worker for all the files: Vite and playwright-core are imported once, not 25 times
          // (e2e alone: 604 s against about 650 s; import time 3 s against 55 s). Each file starts
          // its own demo server and works in its own contexts of the shared Chromium, and the
          // helpers keep no state between files.
          isolate: false,
          // The demo's production build and one Chromium, made once for every file: building and
          // launching per file cost about 2 s each.
          globalSetup: ['test/e2e/buildDemoOnce.ts', 'test/e2e/shareChromium.ts'],
        },
      },
    ],
  },
})
