import { useState } from "react"
import { useSubmit, type RunOptions } from "./use-submit"

/**
 * The state of a FormDrawer whose submit closes it: open, busy and the error
 * line of the last try. `drawer` is what FormDrawer takes of it, as it is.
 */
export function useFormDrawer() {
  const [open, setOpen] = useState(false)
  const { run, busy, error, setError } = useSubmit()

  /** Runs `fn` and closes the drawer once it succeeded; a failure keeps the drawer open with its error. */
  const submit = (fn: () => Promise<unknown>, options?: RunOptions) =>
    run(async () => {
      await fn()
      setOpen(false)
    }, options)

  return { open, setOpen, run, submit, busy, error, setError, drawer: { open, onOpenChange: setOpen, error, busy } }
}
