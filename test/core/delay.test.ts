import { delay } from '../../src/core/delay'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('delay', () => {
  it('resolves after ms and not before', async () => {
    let settled = false
    const promise = delay(1000).then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
    await promise
  })

  it('treats a negative ms as 0', async () => {
    let settled = false
    void delay(-500).then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(true)
  })

  it('rejects at once with the reason of an already aborted signal and sets no timer', async () => {
    const reason = new Error('gone')
    const controller = new AbortController()
    controller.abort(reason)
    const promise = delay(1000, controller.signal)
    expect(vi.getTimerCount()).toBe(0)
    await expect(promise).rejects.toBe(reason)
  })

  it('rejects with the abort reason when aborted while waiting, and clears its timer', async () => {
    const reason = new Error('unmounted')
    const controller = new AbortController()
    const promise = delay(1000, controller.signal)
    const outcome = promise.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(400)
    controller.abort(reason)
    await expect(outcome).resolves.toBe(reason)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('resolves normally with a signal that never aborts and stops listening afterwards', async () => {
    const controller = new AbortController()
    const remove = vi.spyOn(controller.signal, 'removeEventListener')
    const promise = delay(100, controller.signal)
    await vi.advanceTimersByTimeAsync(100)
    await expect(promise).resolves.toBeUndefined()
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function))
  })
})
