#!/usr/bin/env node
/**
 * `npm run soak`: consecutive full password resets in one Chromium, through the built demo and its
 * Stytch emulator: ask for a link, read it from the outbox, open it in a new page, set a new
 * password, see the success screen. After each flow no `reset-kit:` record may be left in
 * localStorage or in either page's sessionStorage. Prints the time per flow (mean, p50, p95); it
 * reports figures and fails only on a broken flow or a leftover record, never on speed.
 *
 * Not part of `npm test`. Options (environment): SOAK_FLOWS (default 200), CHROMIUM_PATH.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { build, preview } from 'vite'
import { assertChromium, chromiumLaunchOptions } from './chromium.mjs'

const FLOWS = Number(process.env.SOAK_FLOWS ?? 200)
const ACCOUNTS = ['ada@example.com', 'grace@example.com']
const configFile = resolve(import.meta.dirname, '../demo/vite.config.ts')

if (!Number.isInteger(FLOWS) || FLOWS < 1)
  throw new TypeError(`SOAK_FLOWS must be a whole number ≥ 1, got ${process.env.SOAK_FLOWS}`)
assertChromium()

/** The value at quantile `q` (0..1) of sorted `values`, nearest rank. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

/** The `reset-kit:` keys of a page's localStorage and sessionStorage. */
function kitKeys(page) {
  return page.evaluate(() => {
    const keys = (storage) => Object.keys(storage).filter((key) => key.startsWith('reset-kit:'))
    return [...keys(localStorage).map((key) => `local ${key}`), ...keys(sessionStorage).map((key) => `session ${key}`)]
  })
}

/** Polls `read` until it returns an empty list or `timeoutMs` passes; returns the last list. */
async function settlesEmpty(read, timeoutMs = 2_000) {
  const until = Date.now() + timeoutMs
  let keys = await read()
  while (keys.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    keys = await read()
  }
  return keys
}

async function newestEmailTo(url, address, notId) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const emails = await (await fetch(`${url}/__emulator/outbox`)).json()
    const email = emails.find((candidate) => candidate.to === address)
    if (email && email.id !== notId) return email
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no new email to ${address} in the outbox`)
}

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'reset-kit-soak-'))
  let server
  let browser
  try {
    process.stdout.write('Building the demo… ')
    await build({ configFile, configLoader: 'runner', logLevel: 'silent', build: { outDir, emptyOutDir: true } })
    server = await preview({
      configFile,
      configLoader: 'runner',
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    })
    const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '')
    if (!url) throw new Error('vite preview did not report a URL')
    console.log(`serving ${url}`)

    // The emulator allows 5 requests a minute per address, like Stytch; a soak asks far more often.
    await fetch(`${url}/__emulator/outbox`, { method: 'DELETE' })
    const configured = await fetch(`${url}/__emulator/config`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rateLimitPerMinute: FLOWS * 10 }),
    })
    if (!configured.ok) throw new Error(`POST /__emulator/config answered ${configured.status}`)

    browser = await chromium.launch(chromiumLaunchOptions())
    const context = await browser.newContext()
    const durations = []
    const failures = []
    const lastEmailId = new Map()
    const started = Date.now()

    for (let flow = 1; flow <= FLOWS; flow += 1) {
      const address = ACCOUNTS[flow % ACCOUNTS.length]
      const password = `soak passphrase number ${flow}`
      const begin = performance.now()
      let asking
      let tab
      try {
        asking = await context.newPage()
        await asking.goto(`${url}/`)
        await asking.getByRole('textbox', { name: 'Email address' }).fill(address)
        await asking.getByRole('button', { name: 'Send reset link' }).click()
        await asking.getByRole('heading', { name: 'Check your email' }).waitFor()
        const email = await newestEmailTo(url, address, lastEmailId.get(address))
        lastEmailId.set(address, email.id)

        tab = await context.newPage()
        await tab.goto(email.link)
        await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
        await tab.getByLabel('New password', { exact: true }).fill(password)
        await tab.getByLabel('Confirm new password').fill(password)
        await tab.getByRole('button', { name: 'Change password' }).click()
        await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
        durations.push(performance.now() - begin)

        const leftovers = [
          ...(await settlesEmpty(() => kitKeys(tab))).map((key) => `link page: ${key}`),
          ...(await settlesEmpty(() => kitKeys(asking))).map((key) => `asking page: ${key}`),
        ]
        if (leftovers.length > 0) failures.push({ flow, reason: `left behind ${leftovers.join(', ')}` })
      } catch (error) {
        failures.push({ flow, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) })
      } finally {
        await tab?.close()
        await asking?.close()
      }
      if (flow % 20 === 0 || flow === FLOWS) {
        console.log(`  ${String(flow).padStart(String(FLOWS).length)}/${FLOWS} flows, ${failures.length} failed`)
      }
    }

    const sorted = [...durations].sort((a, b) => a - b)
    const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)
    const ms = (value) => `${Math.round(value ?? Number.NaN)} ms`
    console.log('')
    console.log(`flows completed   ${durations.length}/${FLOWS} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    console.log(
      `time per flow     mean ${ms(mean)}, p50 ${ms(quantile(sorted, 0.5))}, p95 ${ms(quantile(sorted, 0.95))}, min ${ms(sorted[0])}, max ${ms(sorted.at(-1))}`,
    )
    console.log('                  (each includes the kit\'s 1 s floor before "Check your email")')
    console.log(`failures          ${failures.length}`)
    for (const failure of failures.slice(0, 20)) console.log(`  flow ${failure.flow}: ${failure.reason}`)
    if (failures.length > 0) process.exitCode = 1
  } finally {
    await browser?.close()
    await server?.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}

await main()
