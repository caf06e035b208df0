import { DemoLink } from './DemoLink'
import { DEMO_PAGES } from './demoPages'

/** Shown for any path the demo does not know, with a link to each page it does. */
export function NotFoundPage() {
  return (
    <section className="demo-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>This address is not one of the demo&apos;s pages. Its pages are:</p>
      <ul>
        {DEMO_PAGES.map(([href, label]) => (
          <li key={href}>
            <DemoLink href={href}>{label}</DemoLink>
          </li>
        ))}
      </ul>
    </section>
  )
}
