import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import 'reset-kit/styles.css'

export const metadata: Metadata = {
  title: 'reset-kit consumer: Next.js App Router',
  // The reset page's token must never leak through a Referer header.
  referrer: 'no-referrer',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav aria-label="App">
          <Link href="/home">Home</Link>
        </nav>
        {children}
      </body>
    </html>
  )
}
