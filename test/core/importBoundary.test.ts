import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SRC_REACT = resolve(ROOT, 'src/react')
const SCANNED_DIRS = ['src/core', 'src/adapters']
const MIN_CORE_FILES = 19

function listSourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return listSourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

/** Every module specifier a file names: static, type-only, re-exports, side-effect, dynamic, require. */
function importSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!))
}

/** Why a specifier is off-limits for core and adapters, or undefined when it is fine. */
function forbiddenReason(specifier: string, file: string): string | undefined {
  if (/^react(?:-[^/]+)?(?:\/|$)/.test(specifier)) return 'a React package'
  if (/^@[^/]+\/react(?:-[^/]+)?(?:\/|$)/.test(specifier)) return 'a React binding package'
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier)
    if (target === SRC_REACT || target.startsWith(SRC_REACT + sep)) return 'the React layer (src/react)'
  }
  if (/^\/?src\/react(?:\/|$)/.test(specifier)) return 'the React layer (src/react)'
  return undefined
}

describe('import boundary', () => {
  it('the detector flags every forbidden form and passes allowed ones (canary)', () => {
    const file = resolve(ROOT, 'src/adapters/stytch/createStytchAdapter.ts')
    const source = [
      "import React from 'react'",
      "import { createRoot } from 'react-dom/client'",
      "import type { FC } from 'react'",
      "import { jsx } from 'react/jsx-runtime'",
      "import {\n  useMutation,\n  useQuery,\n} from '@tanstack/react-query'",
      "import { useTranslation } from 'react-i18next'",
      "import { useForm } from 'react-hook-form'",
      "export { ResetKitProvider } from '../../react/ResetKitProvider'",
      "import '../../react'",
      "const lazy = () => import('react-dom')",
      "const cjs = require('react')",
      "import { x } from 'src/react/x'",
      "import { render } from '@testing-library/react'",
    ].join('\n')
    const specifiers = importSpecifiers(source)
    expect(specifiers).toHaveLength(13)
    expect(specifiers.map((specifier) => forbiddenReason(specifier, file))).not.toContain(undefined)

    const allowed = [
      "import { ResetError } from '../../core/ResetError'",
      "import type { ResetAdapter } from '../../core'",
      "import { z } from 'zod'",
      "import i18next from 'i18next'",
      "import { MutationObserver } from '@tanstack/query-core'",
      "export { createStytchAdapter } from './createStytchAdapter'",
      "import { reactive } from 'reactivity-lib'",
    ].join('\n')
    const allowedSpecifiers = importSpecifiers(allowed)
    expect(allowedSpecifiers).toHaveLength(7)
    expect(allowedSpecifiers.map((specifier) => forbiddenReason(specifier, file))).toEqual(Array(7).fill(undefined))
  })

  it('scans a real number of files and reads their imports', () => {
    const coreFiles = listSourceFiles(resolve(ROOT, 'src/core'))
    const adapterFiles = listSourceFiles(resolve(ROOT, 'src/adapters'))
    expect(coreFiles.length).toBeGreaterThanOrEqual(MIN_CORE_FILES)
    expect(adapterFiles.length).toBeGreaterThanOrEqual(1)
    const startFlow = coreFiles.find((file) => file.endsWith(`${sep}startResetFlow.ts`))
    expect(startFlow).toBeDefined()
    expect(importSpecifiers(readFileSync(startFlow!, 'utf8'))).toEqual(
      expect.arrayContaining(['./delay', './pkce', './ResetError']),
    )
  })

  it('nothing under src/core or src/adapters imports React, a React binding, or src/react', () => {
    const files = SCANNED_DIRS.flatMap((directory) => listSourceFiles(resolve(ROOT, directory)))
    expect(files.length).toBeGreaterThanOrEqual(MIN_CORE_FILES + 1)
    let specifierCount = 0
    const violations: string[] = []
    for (const file of files) {
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        specifierCount += 1
        const reason = forbiddenReason(specifier, file)
        if (reason) violations.push(`${relative(ROOT, file)} imports '${specifier}' (${reason})`)
      }
    }
    expect(specifierCount).toBeGreaterThanOrEqual(files.length)
    expect(violations).toEqual([])
  })

  it('no .tsx file lives under src/core or src/adapters (JSX compiles to react/jsx-runtime imports)', () => {
    const files = SCANNED_DIRS.flatMap((directory) => listSourceFiles(resolve(ROOT, directory)))
    expect(files.filter((file) => file.endsWith('.tsx')).map((file) => relative(ROOT, file))).toEqual([])
  })
})
