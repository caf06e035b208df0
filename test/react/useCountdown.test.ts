import { act, renderHook } from '@testing-library/react'
import { useCountdown } from '../../src/react/useCountdown'

/** Renders the countdown for a changeable deadline and counts every render it causes. */
function renderCountdown(deadline: number | undefined) {
  let renders = 0
  const hook = renderHook(
    (props: { deadline: number | undefined }) => {
      renders += 1
      return useCountdown(props.deadline)
    },
    { initialProps: { deadline } },
  )
  return { ...hook, renders: () => renders }
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('useCountdown', () => {
  it('counts whole seconds down to 0, then stops re-rendering', () => {
    const { result, renders } = renderCountdown(Date.now() + 3000)
    expect(result.current).toBe(3)

    act(() => vi.advanceTimersByTime(1000))
    expect(result.current).toBe(2)
    act(() => vi.advanceTimersByTime(2000))
    expect(result.current).toBe(0)

    const rendersAtZero = renders()
    act(() => vi.advanceTimersByTime(10_000))
    expect(renders()).toBe(rendersAtZero)
  })

  it('reads 0 and never re-renders on its own while there is no deadline', () => {
    const { result, renders } = renderCountdown(undefined)
    const rendersAtMount = renders()

    act(() => vi.advanceTimersByTime(10_000))

    expect(result.current).toBe(0)
    expect(renders()).toBe(rendersAtMount)
  })

  it('leaves no timer running once unmounted mid-wait', () => {
    const before = vi.getTimerCount()
    const { unmount } = renderCountdown(Date.now() + 60_000)
    act(() => vi.advanceTimersByTime(5000))

    unmount()

    expect(vi.getTimerCount()).toBe(before)
  })

  it('reads 0, never a negative count, when a tick comes late after the computer slept past the deadline', () => {
    const start = Date.now()
    const { result } = renderCountdown(start + 3000)
    act(() => vi.advanceTimersByTime(1000))
    expect(result.current).toBe(2)

    // A sleeping machine (or a throttled background tab) moves the clock on without running timers.
    vi.setSystemTime(start + 30_000)
    act(() => vi.advanceTimersByTime(1000))

    expect(result.current).toBe(0)
  })

  it('counts a deadline that comes back after a pause from now, not from its last tick', () => {
    const start = Date.now()
    const deadline = start + 10_000
    const { result, rerender } = renderCountdown(deadline)
    act(() => vi.advanceTimersByTime(2000))
    expect(result.current).toBe(8)

    rerender({ deadline: undefined })
    act(() => vi.advanceTimersByTime(5000))
    rerender({ deadline })

    expect(result.current).toBe(3)
  })
})
