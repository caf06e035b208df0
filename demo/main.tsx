import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { adoptBackendFromUrl } from './useBackend'
import '../src/styles/reset-kit.css'
import './demo.css'

// Before the first render: the reset page must mount with the adapter the link was sent for.
adoptBackendFromUrl()

const container = document.getElementById('root')
if (!container) throw new Error('demo/index.html must contain <div id="root"></div>.')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
