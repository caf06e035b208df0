import { useId } from 'react'
import { BACKEND_LABELS, DEMO_BACKENDS, isDemoBackend } from './backends'
import { useBackend } from './useBackend'

/** The select that picks the backend every page talks to; the choice survives reloads. */
export function BackendSwitcher() {
  const [backend, setBackend] = useBackend()
  const id = useId()
  return (
    <div className="demo-switcher">
      <label htmlFor={id}>Backend</label>
      <select
        id={id}
        className="demo-select"
        value={backend}
        onChange={(event) => {
          if (isDemoBackend(event.target.value)) setBackend(event.target.value)
        }}
      >
        {DEMO_BACKENDS.map((option) => (
          <option key={option} value={option}>
            {BACKEND_LABELS[option]}
          </option>
        ))}
      </select>
    </div>
  )
}
