import { type FormEvent, StrictMode } from 'react'
import { createPortal } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { ForgotPasswordForm, ResetPasswordPage } from '../../../src'
import { createStytchAdapter } from '../../../src/adapters/stytch'
import { DEMO_PUBLIC_TOKEN } from '../../../demo/emulator/demoProjects'
import { STYTCH_MOUNT_PATH } from '../../../demo/emulator/mountPaths'
import type { HostConfig } from './HostConfig'

// A host app of the kind an integrator writes, for the browser tests of test/e2e/hosts.test.ts:
// the kit's components in a shadow root or in the page, under a router basename, against the
// demo's Stytch emulator on the same origin. Its page (hostPage.ts) carries the config and the
// stylesheet; the route is the path after the basename, as a router with a basename sees it.

const config = JSON.parse(document.getElementById('host-config')!.textContent!) as HostConfig
const styles = document.getElementById('kit-styles') as HTMLTemplateElement
const host = document.getElementById('host')!

let container: Element
if (config.shadow) {
  const shadow = host.attachShadow({ mode: 'open' })
  shadow.append(styles.content.cloneNode(true))
  container = shadow.appendChild(document.createElement('div'))
} else {
  document.head.append(styles.content.cloneNode(true))
  container = host
}

const adapter = createStytchAdapter({
  publicToken: DEMO_PUBLIC_TOKEN,
  apiBaseUrl: new URL(STYTCH_MOUNT_PATH, location.origin).href,
})
const route = location.pathname.slice(config.basename.length) || '/'
// The host's own ?returnTo=, passed on as the README suggests.
const returnTo = new URLSearchParams(location.search).get('returnTo')

const kit =
  route === '/reset' ? (
    <ResetPasswordPage
      adapter={adapter}
      forgotPasswordUrl={config.forgotPasswordUrl}
      {...(config.signInUrl === undefined ? {} : { signInUrl: config.signInUrl })}
      returnTo={returnTo}
    />
  ) : (
    <ForgotPasswordForm adapter={adapter} redirectUrl={new URL(`${config.basename}/reset`, location.origin).href} />
  )

let submits = 0
function onHostSubmit(event: FormEvent<HTMLFormElement>) {
  event.preventDefault()
  document.documentElement.dataset.hostSubmits = String(++submits)
}

createRoot(container).render(
  <StrictMode>
    {config.hostForm ? (
      <form aria-label="Settings" onSubmit={onHostSubmit}>
        <label>
          Display name <input name="displayName" defaultValue="Ada" />
        </label>
        {config.hostForm === 'portal' ? createPortal(kit, document.body) : kit}
        <button>Save settings</button>
      </form>
    ) : (
      kit
    )}
  </StrictMode>,
)
