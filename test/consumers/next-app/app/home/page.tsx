// Somewhere else in the app: leaving a reset page for it and coming Back shows the same
// component again, out of the <Activity> Next keeps visited routes in (`cacheComponents`).
export default function Page() {
  return (
    <main>
      <h1>Home</h1>
    </main>
  )
}
