// @clerk/react: <SignIn> (whose "forgot password" flow resets by email code), bundled with its
// runtime (@clerk/clerk-js) and UI (@clerk/ui) instead of loading them from Clerk's CDN.
import { Clerk } from '@clerk/clerk-js'
import { ClerkProvider, SignIn } from '@clerk/react'
import { ui } from '@clerk/ui'
import { createRoot } from 'react-dom/client'

const publishableKey = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'

createRoot(document.getElementById('root')).render(
  <ClerkProvider publishableKey={publishableKey} Clerk={new Clerk(publishableKey)} ui={ui}>
    <SignIn />
  </ClerkProvider>,
)
