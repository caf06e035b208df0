import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/dom'

// CI runs the jsdom projects, the type check and the browser tests at once on two cores, where a
// worker's event loop can stall for over a second. Testing Library's default 1000 ms then fails a
// findBy/waitFor whose DOM is right a tick later: its timeout is an overdue timer, which Node runs
// before React's scheduled render, and it does not check once more before giving up. Only a
// failing wait takes longer to report; a passing one returns as soon as its check holds.
configure({ asyncUtilTimeout: 3000 })
