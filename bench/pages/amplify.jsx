// @aws-amplify/ui-react: the Authenticator opened on its forgot-password screen (the reset with
// the emailed code follows inside it), with Amplify configured for Cognito and its styles.css.
import { Authenticator } from '@aws-amplify/ui-react'
import '@aws-amplify/ui-react/styles.css'
import { Amplify } from 'aws-amplify'
import { createRoot } from 'react-dom/client'

Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: 'us-east-1_AbCdEfGhI',
      userPoolClientId: '0123456789abcdefghijklmnop',
      loginWith: { email: true },
    },
  },
})

createRoot(document.getElementById('root')).render(
  <Authenticator initialState="forgotPassword" loginMechanisms={['email']} hideSignUp />,
)
