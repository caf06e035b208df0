// The baseline every other row leaves out: React + React DOM rendering one heading.
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')).render(<h1>Hello</h1>)
