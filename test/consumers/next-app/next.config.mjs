/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Prerenders with the checks of Next's Cache Components (no clock read in a client component's
  // render), and keeps visited routes in React's <Activity>.
  cacheComponents: true,
  poweredByHeader: false,
  // This folder is the app's root, not the repository around it (which has its own lockfile).
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
}

export default nextConfig
