// Size budgets, for CI: exits 1 when one is over, or, for a budget not met yet, above its
// ceiling. Same esbuild setup as `npm run bench` (scripts/bench-setup.mjs); needs only the root
// node_modules. Prints every budget with its measured value and margin.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { transformSync } from 'esbuild'
import {
  KIT_DEPENDENCIES,
  REACT,
  buildAndWeigh,
  ensureBuilt,
  esbuildVersion,
  kb,
  localeTags,
  root,
  weighLocaleChunk,
} from './bench-setup.mjs'

const KIT_OWN_BUDGET = 8 * 1024
// The kit's own code is still over its 8 KB budget (issue 7 stays open for it). Until it is met,
// CI holds it to a ceiling just above today's size, so it can only shrink: lower the ceiling
// with every cut, and drop it once the budget is met. It keeps about 20 B above the figure: the
// same code weighs up to ±20 B differently from build to build (esbuild's short names follow the
// whole build's character frequencies). Raised once, from 12.31 KB, for a security fix no cut
// could pay for: a token passed from the host's router is taken out of the address bar too (+20 B).
// Lowered to 12.33 KB after three cuts (-43 B); stylesheet fixes for hosts (right-to-left, shadow
// roots, a 62.5% root font size, a global `a { color }`) then spent most of that room. Eight more
// cuts (-27 B) paid for long words wrapping at 200% text on a 320 px screen (+10 B). Raised a
// second time, to 12.36 KB, for two user-facing fixes with no cut left to pay for them: the resend
// button's name no longer counts down, which a screen reader read out each second (+5 B), and on
// touch screens a field's text is never under 16px, which iOS Safari zooms into (+24 B). Raised a
// third time, to 12.45 KB: the token and new password kept out of TanStack Query's mutation
// variables, which a host's QueryClient hands to its error reporter (a security fix), and a dead
// link no longer deleting the verifier a resend shares with a live one (P6): +63 B; and adapters
// taking a path on the page's own origin, so they can be made on a server (+29 B). Raised a
// fourth time, to 12.51 KB, for what a review of those found (+67 B): paths resolved against the
// page's origin rather than a `<base href>`, which could send the password elsewhere; a verifier
// kept for a resend's newer link retired, so no new request pairs with a secret already sent;
// and the mirror's copy of a record preferred, with the count another tab's resend left in it;
// then 12.52 KB (+10 B) so an absolute URL is left alone in a sandboxed frame (origin "null").
// Raised a fifth time, to 12.69 KB (+154 B), for React's <Activity>, which Next.js 16 keeps
// visited routes in: a request in flight when the page was hidden was aborted and its outcome
// lost (the email went out or the password changed, and the page said neither, so the user sent
// a second email or found the link spent), a shown page checked its link again (Stack Auth counts
// each check) and reported a dead link twice; and a clock read while rendering, which failed a
// Next.js `cacheComponents` build of both pages; then, from a review of that, each outcome taken
// once, from TanStack Query's onSuccess/onError (a host MutationCache that throws or waits no longer
// overturns or delays it) and a dead link's screen set after a slow store even when hidden. The
// 2xx-HTML-page check in sendJson (+5 B) fitted under the old ceiling, as did a later session's
// fixes (a host's default mutation scope, a host i18next instance not yet initialised). Six cuts
// found by building random combinations of candidates and averaging out the naming noise (-27 B),
// and taking back a 404-HTML-page rule that a review showed broke enumeration safety for Flask
// and Django backends (-20 B), brought it to 12,941 B: lowered to 12.66 KB. Later fixes (the
// spinner in forced colours, +4 B) left it at 12,962 B, 1 B under; a review then found that this
// figure sat near the low end of the naming noise (64 builds of the same candidates ranged over
// 66 B of JS). Raised a sixth time, to 12.71 KB (13,015 B), for four fixes found by audits that
// took the figure to 12,988 B (+26 B), with one real cut against them (-8 B of CSS, unquoted
// `:host()` attributes): a late field error no longer pulls focus (and the user's typing) out of a
// host's control, and still moves it inside a shadow root; a backend's numbers no longer stick to
// a later error of the page's own; the weak-password message no longer tells a user whose
// project requires capitals or digits only to add words; and a nested <ResetKitProvider> keeps
// its parent's settings (no byte of its own in this page, but it moved the naming noise).
// Raised a seventh time, to 12.78 KB, for a fix an audit found (12,988 B to 13,072 B, +84 B): a
// <ResetPasswordPage> re-keyed by its host while the new password was on its way showed the form
// again for the spent link, and the host's onSuccess never ran; every mounted page holding the
// link now hears the answer. Six rewrites that keep every behaviour (one `t` call for a choice of
// keys, one snapshot function, one read of `crypto`, one list of params to strip, one error
// message for two places, English compared by its own import) took about 21 B off by a measure
// without the naming noise, 5 B by this one. Then a review's mends (a timer per page, the link
// marked done) and the forced-colours meter's track, now the background with an outline: 13,061 B.
// Cutting the token's params out of the address bar by string, so the others keep their spelling
// (`/`, `%20`, a bare flag), took it to 13,068 B. Raised an eighth time, to 12.80 KB, for Stytch's
// `captcha_failed`, a 429 that no wait gets past, read as `misconfigured` (+33 B, to 13,101 B),
// then to 13.00 KB for <ForgotPasswordForm> re-keyed mid-request, the same fix the reset page had
// at the seventh raise: a form mounted in the commit that unmounts one with a request on its way
// takes it up (+194 B, to 13,295 B). A first version that any later form took up weighed +102 B;
// its review found a form held pending forever by a request that never answered, a dialog's form
// taking over the page's request, and a host's MutationCache callbacks changing the answer.
// A `Retry-After` date with a numeric offset read at that offset then left it at 13,288 B (7 B
// less, by esbuild's naming alone): lowered to 12.98 KB. Raised to 13.11 KB (+126 B, to 13,414 B)
// so a PKCE link opened again in the browser where it changed the password says "already used"
// (the token's hash kept after success) instead of blaming another browser; 19 B of that from its
// review: a custom store's failing `spent` leaves the other-browser screen, not a retry. A last
// read of the session's change (one ref for a request on its way where there were two, no digest
// for a store without `spend`) left 13,409 B: lowered to 13.10 KB. Raised to 13.12 KB (+24 B, to
// 13,433 B) so that used link, opened after a newer request, says "used" before anything is sent:
// the backend's own "used" had the page drop the newer request's verifier, and the newer email's
// link then failed as opened in another browser. Then to 13.14 KB (+15 B, to 13,448 B) so a
// <ForgotPasswordForm> whose host switches backend while rate-limited drops the old backend's
// "Too many attempts", which had turned into "You can try again now." for a backend never asked.
// The resend's status kept quiet while a 429 holds the button fitted under it (+4 B). Raised to
// 13.19 KB (+51 B, to 13,503 B) so that after a resend, the other email's link opened once the
// password changed says "already used" rather than blaming the browser that asked for it (the
// success had deleted the verifier both links share): the spent hash carries, after a resend,
// the time until which the other emails can arrive. Its review's mends (a store whose `spent`
// throws at once reads as nothing spent; the cooldown status silent while any alert speaks) went
// with `spentHere` as one async function with a try, which left 13,487 B: lowered to 13.18 KB.
// Raised to 13.19 KB (+11 B, to 13,498 B) so a link the backend calls mismatched retires the
// verifier rather than deleting it: the link may be an older email's or another browser's, and
// deleting cost this browser's own live link.
const KIT_OWN_CEILING = 13.19 * 1024
const PAGE_BUDGET = 50 * 1024
const LOCALE_BUDGET = 1.5 * 1024

// Both components + the Stytch adapter + English + the stylesheet, rendered by a tiny page.
const bothPage = join(root, 'bench/pages/kit-both.jsx')

const results = []
function budget(name, measured, limit, ceiling) {
  const line = `${kb(measured)} of ${kb(limit)}, margin ${measured <= limit ? '' : '-'}${kb(Math.abs(limit - measured))}`
  if (measured <= limit || ceiling === undefined) {
    results.push({ name, ok: measured <= limit, line })
  } else {
    // Over budget but under its ceiling: reported as over, fails only above the ceiling.
    const held = measured <= ceiling
    results.push({
      name,
      ok: false,
      held,
      line: `${line}; ceiling ${kb(ceiling)}, ${held ? `${kb(ceiling - measured)} under it` : `${kb(measured - ceiling)} above it`}`,
    })
  }
}
function check(name, ok, detail) {
  results.push({ name, ok, line: detail })
}

// The budgets weigh the package as published (dist/), which is what an app bundles: built from
// src/ directly, esbuild keeps one import statement per source file where dist has one per package.
ensureBuilt()
const own = await buildAndWeigh(bothPage, { external: [...REACT, ...KIT_DEPENDENCIES] })
budget(
  "kit's own code: both components + Stytch adapter + en + CSS, brotli (dependencies external)",
  own.initial.brotli,
  KIT_OWN_BUDGET,
  KIT_OWN_CEILING,
)
const fromSource = await buildAndWeigh(bothPage, { external: [...REACT, ...KIT_DEPENDENCIES], kit: 'src' })
results.push({
  name: 'the same, bundled from src/ instead of the built package',
  ok: true,
  info: true,
  line: kb(fromSource.initial.brotli),
})

const page = await buildAndWeigh(bothPage, { external: REACT })

// `--files`: where the kit's own bytes come from, by source file: what each adds to the brotli
// size (the bundle compressed with and without that file's code; brotli shares context across
// files, so this is what cutting the file would save, and the column does not add up to the
// total) and its minified bytes.
if (process.argv.includes('--files')) {
  const { brotliShareByFile } = await import('./brotli-share.mjs')
  const rows = await brotliShareByFile(bothPage, [...REACT, ...KIT_DEPENDENCIES])
  console.log(`kit's own JS by source file, up-front code (the stylesheet is ${kb(own.css.brotli)} br on its own):`)
  console.log('  brotli  minified  file')
  for (const row of rows)
    console.log(`${String(row.brotli).padStart(8)}  ${String(row.minified).padStart(8)}  ${row.path}`)
  console.log('')
}
budget('page with both components, minus react + react-dom (external), brotli', page.initial.brotli, PAGE_BUDGET)

// Only the active locale in the initial bundle: strings that exist only in another locale must
// not be in any chunk the page loads up front, and must be in that locale's lazy chunk (so the
// probe itself is shown to work).
const flatten = (value, prefix = '') =>
  typeof value === 'string'
    ? [[prefix, value]]
    : Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key))
const readLocale = (tag) =>
  Object.fromEntries(flatten(JSON.parse(readFileSync(join(root, 'locales', tag, 'reset-kit.json'), 'utf8'))))
const english = readLocale('en')
const englishText = Object.values(english).join('\n')
for (const tag of localeTags().filter((t) => t !== 'en')) {
  const probes = []
  for (const [key, value] of Object.entries(readLocale(tag))) {
    if (value === english[key] || value.length < 24 || englishText.includes(value.slice(0, 24))) continue
    // The string as esbuild prints it in minified JS (its quotes and escapes), so the search
    // matches whatever characters the locale uses.
    const printed = transformSync(`x(${JSON.stringify(value)})`, { minify: true }).code.trim()
    probes.push(printed.slice(3, -2))
  }
  const chosen = probes
    .sort((a, b) => b.length - a.length)
    .slice(0, 5)
    .map((probe) => probe.slice(0, 40))
  const lazy = page.lazyText.map((chunk) => chunk.text).join('\n')
  const leaked = chosen.filter((probe) => page.jsText.includes(probe))
  const unseen = chosen.filter((probe) => !lazy.includes(probe))
  if (chosen.length === 0) {
    check(
      `no ${tag} strings in the initial bundle (splitting on)`,
      false,
      `no distinctive ${tag} string found to probe with`,
    )
  } else if (unseen.length > 0) {
    check(
      `no ${tag} strings in the initial bundle (splitting on)`,
      false,
      `probe not found in any chunk, so the check proves nothing: "${unseen[0]}"`,
    )
  } else {
    check(
      `no ${tag} strings in the initial bundle (splitting on)`,
      leaked.length === 0,
      leaked.length === 0
        ? `absent: ${chosen.length} distinctive strings, e.g. "${chosen[0]}", found only in a lazy chunk`
        : `present: "${leaked[0]}"${leaked.length > 1 ? ` and ${leaked.length - 1} more` : ''}`,
    )
  }
}

// Pseudo-locales (CLDR's en-XA, ar-XB) are padded on purpose to test layouts; they are measured
// but not held to the budget.
const isPseudo = (tag) => /-X[AB]$/.test(tag)
for (const tag of localeTags()) {
  const locale = await weighLocaleChunk(tag)
  const name = `locale ${tag} as its lazy JS chunk, brotli (JSON file ${kb(locale.json.brotli)} br)`
  if (isPseudo(tag)) {
    results.push({ name, ok: true, info: true, line: `${kb(locale.chunk.brotli)} (pseudo-locale: not budgeted)` })
  } else {
    budget(name, locale.chunk.brotli, LOCALE_BUDGET)
  }
}

console.log(
  `size budgets — esbuild ${esbuildVersion}, minified ESM for browsers (es2022, production), brotli q11; KB = 1024 bytes`,
)
for (const result of results) {
  const status = result.info ? 'info' : result.ok ? 'ok  ' : result.held ? 'OVER' : 'FAIL'
  console.log(`${status}  ${result.name}: ${result.line}`)
}
const counted = results.filter((result) => !result.info)
const over = counted.filter((result) => !result.ok)
const failed = over.filter((result) => !result.held)
console.log(
  over.length === 0
    ? `all ${counted.length} budgets met`
    : `${over.length} of ${counted.length} budgets over${failed.length ? `, ${failed.length} of them failing` : ', each held under its ceiling'}`,
)
// `--report` prints the same table without failing, for a look at the figures mid-change.
const reportOnly = process.argv.includes('--report')
if (reportOnly && failed.length) console.log('(--report: budgets printed, not enforced)')
process.exitCode = failed.length && !reportOnly ? 1 : 0
