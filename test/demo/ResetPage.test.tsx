import { render, screen, within } from '@testing-library/react'
import { App } from '../../demo/App'

beforeEach(() => {
  window.localStorage.clear()
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/reset')
})

describe('ResetPage', () => {
  it('opened from the nav, without a link, says where a link comes from beside the kit’s "doesn’t work" screen', async () => {
    render(<App />)

    expect(await screen.findByRole('heading', { name: "This link doesn't work" })).toBeInTheDocument()
    const about = screen.getByRole('complementary', { name: 'About this page' })
    expect(within(about).getByRole('link', { name: 'Forgot password' })).toHaveAttribute('href', '/')
    expect(within(about).getByRole('link', { name: 'Outbox' })).toHaveAttribute('href', '/outbox')
  })
})
