// Loaded before React: a minimal stand-in for React DevTools' global hook. React DOM reports each
// commit to it; the walk below lists the components that rendered in that commit, the way
// DevTools decides it (a fiber rendered if it is new or has the PerformedWork flag; a subtree
// whose child list was not cloned did not render at all).
;(function () {
  const bench = (window.__bench = { commits: [], profiler: [], fetches: [], clicks: [] })
  const COMPOSITE = new Set([0, 1, 11, 14, 15]) // function, class, forwardRef, memo, simple memo
  const PERFORMED_WORK = 1

  function nameOf(type) {
    if (!type) return 'Anonymous'
    if (typeof type === 'function') return type.displayName || type.name || 'Anonymous'
    if (type.displayName) return type.displayName
    if (type.render) return `ForwardRef(${nameOf(type.render)})`
    if (type.type) return `Memo(${nameOf(type.type)})`
    return 'Anonymous'
  }

  function rendered(fiber, out) {
    for (let f = fiber; f; f = f.sibling) {
      const previous = f.alternate
      if (COMPOSITE.has(f.tag) && (previous === null || (f.flags & PERFORMED_WORK) !== 0)) out.push(nameOf(f.type))
      if (f.child && !(previous && previous.child === f.child)) rendered(f.child, out)
    }
    return out
  }

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) {
      this.renderers.set(1, renderer)
      return 1
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    setStrictMode() {},
    onCommitFiberRoot(_id, root) {
      bench.commits.push({ at: performance.now(), rendered: rendered(root.current.child, []) })
    },
  }
})()
