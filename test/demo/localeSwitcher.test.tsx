import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../demo/App'

beforeEach(() => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/')
})

describe('LocaleSwitcher', () => {
  it('switches the kit to the chosen language, keeps what was typed, and remembers the choice', async () => {
    const user = userEvent.setup()
    render(<App />)
    await user.type(await screen.findByRole('textbox', { name: 'Email address' }), 'ada@exa')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr')
    expect(await screen.findByRole('textbox', { name: 'Adresse e-mail' })).toHaveValue('ada@exa')
    expect(window.localStorage.getItem('demo:locale')).toBe('fr')
  })

  it('offers the pseudo-locale, whose strings are bracketed so truncation shows', async () => {
    const user = userEvent.setup()
    render(<App />)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'en-XA')
    expect(await screen.findByRole('heading', { name: /^⟦.*⟧$/ })).toBeInTheDocument()
  })
})
