import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// test/CATALOGUE.md maps every case of the reliability and security catalogue to the tests that
// prove it. This test keeps the map from rotting: a case without a row, a file that moved or a
// test that was renamed fails here.

const ROOT = join(import.meta.dirname, '..')
const MAP = join(ROOT, 'test', 'CATALOGUE.md')
// CI clones the repository with shared/ beside it; a plain checkout may not have it.
const SHARED = join(ROOT, '..', 'shared', 'CATALOGUE.md')

/** Every case id of shared/CATALOGUE.md, in its order, so this test never depends on ../shared. */
const CASE_IDS = [
  ...['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11'],
  ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  ...['E1', 'E2', 'E3'],
  ...['R1', 'R2', 'R3', 'R4', 'R5'],
  ...['S1', 'S2'],
  ...['B1', 'B2', 'B3'],
  ...['D1', 'D2', 'D3'],
  ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6'],
  ...['I1', 'I2'],
  ...['X1', 'X2'],
]

/** The ids the shared catalogue defines: each case is a list item that starts with its id. */
function sharedIds(markdown: string): string[] {
  return [...markdown.matchAll(/^- ([A-Z]\d+) /gm)].map((match) => match[1]!)
}

interface Row {
  id: string
  /** Test files and, for each, the test names quoted for it. */
  files: Array<{ path: string; names: string[] }>
}

/** The table rows of test/CATALOGUE.md: `| id | behaviour | `file` “name” “name”<br>… |`. */
function rowsOf(markdown: string): Row[] {
  return markdown
    .split('\n')
    .map((line) => line.match(/^\|\s*([A-Z]\d+)\s*\|[^|]*\|(.*)\|\s*$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map(([, id, cell]) => ({
      id: id!,
      files: [...cell!.matchAll(/`([^`]+)`((?:\s*“[^”]+”)*)/g)].map(([, path, names]) => ({
        path: path!,
        names: [...names!.matchAll(/“([^”]+)”/g)].map((name) => name[1]!),
      })),
    }))
}

/** True when `source` passes `name` as the first argument of a call: `it('name'`, `)('name'`. */
function hasTestNamed(source: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`\\(\\s*(['"\`])${escaped}\\1`).test(source)
}

const rows = rowsOf(readFileSync(MAP, 'utf8'))

describe('test/CATALOGUE.md', () => {
  it.skipIf(!existsSync(SHARED))('lists the same cases as shared/CATALOGUE.md', () => {
    expect(CASE_IDS).toEqual(sharedIds(readFileSync(SHARED, 'utf8')))
  })

  it('has exactly one row per catalogue case, in the catalogue’s order, and no other', () => {
    const ids = existsSync(SHARED) ? sharedIds(readFileSync(SHARED, 'utf8')) : CASE_IDS
    expect(rows.map((row) => row.id)).toEqual(ids)
  })

  it.each(rows.map((row) => [row.id, row] as const))(
    '%s: every file exists and has every test the row quotes',
    (id, row) => {
      expect(row.files.length, `${id} names no test file`).toBeGreaterThan(0)
      for (const { path, names } of row.files) {
        expect(path, `${id}: ${path} is not a test file`).toMatch(/^test\/.+\.test\.tsx?$/)
        expect(existsSync(join(ROOT, path)), `${id}: ${path} does not exist`).toBe(true)
        expect(names.length, `${id}: no test of ${path} is quoted`).toBeGreaterThan(0)
        const source = readFileSync(join(ROOT, path), 'utf8')
        for (const name of names)
          expect(hasTestNamed(source, name), `${id}: ${path} has no test named “${name}”`).toBe(true)
      }
    },
  )

  it.each(rows.map((row) => [row.id, row] as const))(
    '%s: at least one quoted test carries the id in its name',
    (id, row) => {
      const names = row.files.flatMap((file) => file.names)
      expect(
        names.some((name) => new RegExp(`(^|[^A-Za-z0-9])${id}([^0-9]|$)`).test(name)),
        `${id}: ${names.join(' | ')}`,
      ).toBe(true)
    },
  )
})
