/** How test/e2e/hosts/hostApp.tsx renders the kit; written into its page as JSON. */
export interface HostConfig {
  /** Render into an open shadow root of `#host`, with the stylesheet inside it; else into the page. */
  shadow: boolean
  /** The router's basename ('' for none): the app's routes are `/` (forgot) and `/reset` after it. */
  basename: string
  /** `<ResetPasswordPage forgotPasswordUrl>`. */
  forgotPasswordUrl: string
  /** `<ResetPasswordPage signInUrl>`; left out when undefined, so the default applies. */
  signInUrl?: string
  /**
   * Render the kit inside a React `<form>` of the host's own (a settings page that wraps the whole
   * page in one), whose `onSubmit` counts its submits in `<html data-host-submits>`: `'nested'` in
   * its DOM, `'portal'` in a portal to `<body>` (a modal), inside it in React's tree only.
   */
  hostForm?: 'nested' | 'portal'
}
