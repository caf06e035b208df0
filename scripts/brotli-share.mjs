// What each source file adds to the brotli size of a bundle, for `npm run size -- --files`.
// esbuild reports minified bytes per input, but brotli shares context across the whole file, so
// a file's minified size says little about what deleting it would save. Here the bundle is built
// with identifiers and syntax minified and whitespace kept, which leaves esbuild's `// <path>`
// comment above each file's code; each file's code is then whitespace-minified on its own, and
// the bundle is compressed once whole and once without each file.
import * as esbuild from 'esbuild'
import { buildOptions, compressed, externalPackages, kitPackage } from './bench-setup.mjs'

/** `[{ path, brotli, minified }]` for the up-front chunk of `entryPoint`, most bytes first. */
export async function brotliShareByFile(entryPoint, external) {
  const result = await esbuild.build(
    buildOptions({
      entryPoints: { share: entryPoint },
      // By source file, so from src/: the built package has merged them into chunks.
      plugins: [kitPackage('src'), externalPackages(external)],
      minify: false,
      minifySyntax: true,
      minifyIdentifiers: true,
    }),
  )
  // The entry chunk only: the other locales are lazy chunks, not loaded up front.
  const text = result.outputFiles.find((file) => file.path.endsWith('/share.js')).text
  const regions = []
  for (const part of text.split(/^\/\/ (?=\S+\.(?:[cm]?[jt]sx?|json)$)/m).slice(1)) {
    const newline = part.indexOf('\n')
    const path = part.slice(0, newline)
    const code = esbuild.transformSync(part.slice(newline + 1), {
      minifyWhitespace: true,
      format: 'esm',
      loader: 'js',
    }).code
    regions.push({ path, code })
  }
  const brotliOf = (parts) => compressed(Buffer.from(parts.map((region) => region.code).join(''))).brotli
  const whole = brotliOf(regions)
  // A file can own more than one region: esbuild may print a file's path comment more than once.
  const paths = [...new Set(regions.map((region) => region.path))]
  return paths
    .map((path) => ({
      path,
      brotli: whole - brotliOf(regions.filter((region) => region.path !== path)),
      minified: regions
        .filter((region) => region.path === path)
        .reduce((sum, region) => sum + Buffer.byteLength(region.code), 0),
    }))
    .filter((row) => row.minified > 0)
    .sort((a, b) => b.brotli - a.brotli || b.minified - a.minified)
}
