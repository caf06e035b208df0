// test/setup.ts gives findBy/waitFor 3 s, for a loaded CI machine. The react18 project loads its own,
// aliased copy of @testing-library/react: the setting must reach the copy the tests wait with.
import { getConfig } from '@testing-library/dom'
import { render, screen } from '@testing-library/react'

it("Testing Library's waits use the 3 s of test/setup.ts, after @testing-library/react has configured them", async () => {
  render(<h1>Loaded</h1>)

  expect(await screen.findByRole('heading', { name: 'Loaded' })).toBeInTheDocument()
  expect(getConfig().asyncUtilTimeout).toBe(3000)
})
