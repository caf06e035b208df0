import { render, screen, within } from '@testing-library/react'
import { App } from '../../demo/App'

beforeEach(() => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/no-such-page')
})

describe('NotFoundPage', () => {
  it('links to every page the header’s nav offers', () => {
    render(<App />)
    const names = (links: HTMLElement[]) => links.map((link) => link.textContent)
    const nav = screen.getByRole('navigation', { name: 'Demo pages' })
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(names(within(screen.getByRole('main')).getAllByRole('link'))).toEqual(
      names(within(nav).getAllByRole('link')),
    )
  })
})
