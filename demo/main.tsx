import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import '../src/styles/reset-kit.css'
import './demo.css'

const container = document.getElementById('root')
if (!container) throw new Error('demo/index.html must contain <div id="root"></div>.')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
