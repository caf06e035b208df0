// The page bench/runtime.mjs drives in Chromium: reset-kit's two components on the Stytch adapter,
// each inside a <Profiler>, with fetch intercepted (nothing leaves the page) and a click listener
// that stamps the submit. bench/runtime/hook.js (loaded first) names the components each commit
// rendered. Built with esbuild (production React, react-dom's profiling build for <Profiler>).
import { Profiler } from 'react'
import { createRoot } from 'react-dom/client'
import { ForgotPasswordForm, ResetPasswordPage } from '../../src'
import { createStytchAdapter } from '../../src/adapters/stytch'
import '../../src/styles/reset-kit.css'

const bench = window.__bench

window.fetch = async (input) => {
  bench.fetches.push({ at: performance.now(), url: String(input?.url ?? input) })
  return new Response(JSON.stringify({ status_code: 200, request_id: 'request-id-bench' }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  })
}
// Capture phase on window: the first script to see the click.
window.addEventListener('click', () => bench.clicks.push(performance.now()), true)

const adapter = createStytchAdapter({ publicToken: 'public-token-test-00000000-0000-0000-0000-000000000000' })

function onRender(id, phase, actualDuration) {
  bench.profiler.push({ id, phase, actualDuration, at: performance.now() })
}

const root = createRoot(document.getElementById('root'))
let mounts = 0

bench.mount = (view) => {
  mounts += 1
  root.render(
    view === 'forgot' ? (
      <Profiler id="ForgotPasswordForm" onRender={onRender}>
        <ForgotPasswordForm key={mounts} adapter={adapter} redirectUrl="https://app.example.com/reset-password" />
      </Profiler>
    ) : view === 'reset' ? (
      <Profiler id="ResetPasswordPage" onRender={onRender}>
        <ResetPasswordPage
          key={mounts}
          adapter={adapter}
          // A new link for every mount: the kit remembers a spent one, and shows its success screen again.
          token={`bench-token-${mounts}-0000000000000000000000000000`}
          forgotPasswordUrl="/forgot-password"
          signInUrl="/sign-in"
        />
      </Profiler>
    ) : null,
  )
}
bench.ready = true
