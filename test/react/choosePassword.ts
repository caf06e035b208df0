import { screen } from '@testing-library/react'
import type userEvent from '@testing-library/user-event'

/** Types a new password twice on the reset page's form and submits it. */
export async function choosePassword(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('New password'), 'correct horse battery')
  await user.type(screen.getByLabelText('Confirm new password'), 'correct horse battery')
  await user.click(screen.getByRole('button', { name: 'Change password' }))
}
