// @clerk/react as its docs set it up by default: <SignIn> in ClerkProvider, with the runtime and
// the UI loaded from Clerk's CDN at run time. bench/run.mjs adds those scripts (the files the CDN
// serves, taken from @clerk/clerk-js and @clerk/ui) to this page's own bundle.
import { ClerkProvider, SignIn } from '@clerk/react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')).render(
  <ClerkProvider publishableKey="pk_live_Y2xlcmsuZXhhbXBsZS5jb20k">
    <SignIn />
  </ClerkProvider>,
)
