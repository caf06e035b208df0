import { DemoLink } from './DemoLink'

/** Shown for any path the demo does not know. */
export function NotFoundPage() {
  return (
    <section className="demo-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        This demo has three pages. Start from <DemoLink href="/">Forgot password</DemoLink>.
      </p>
    </section>
  )
}
