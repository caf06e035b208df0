import type { FormEvent } from 'react'

/**
 * The props both hooks give their `<form>`: no browser validation bubbles (the kit shows its
 * own errors), `aria-busy` while `pending`, and `submit` called with the form, the browser's own
 * submission prevented, and before hydration never sent anywhere (`method="dialog"`: spread these
 * first if your form sets a `method` of its own).
 */
export function formProps(pending: boolean, submit: (form: HTMLFormElement) => void) {
  return {
    noValidate: true,
    // What the browser does with a submit before the page's script has run (a server-rendered
    // form on a slow phone): outside a <dialog> nothing, where a form with no method would send
    // its fields to the page's URL, into history, logs and the next Referer.
    method: 'dialog',
    'aria-busy': pending || undefined,
    // In the capture phase: inside a host's own <form> (invalid HTML, but React renders it),
    // Chromium stops the submit event at the outer form, before it bubbles up to React's root;
    // unprevented, the browser would submit the kit's form itself, its fields in the URL.
    onSubmitCapture: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      submit(event.currentTarget)
    },
  }
}
