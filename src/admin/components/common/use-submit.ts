import { useState } from "react"
import { errorMessage } from "../../lib/api"

export interface RunOptions {
  /** Words around the API's message, where the bare message would not say what failed. */
  wrapError?: (message: string) => string
  /** Runs after success and failure alike, e.g. to refetch what a half-done call may have changed. */
  onSettled?: () => unknown
}

/**
 * The busy flag and the error line of a form that calls the API: the error
 * stays on screen (a toast disappears) until the next try clears it.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (fn: () => Promise<unknown>, { wrapError, onSettled }: RunOptions = {}) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      const message = errorMessage(e)
      setError(wrapError ? wrapError(message) : message)
    } finally {
      setBusy(false)
      await onSettled?.()
    }
  }

  return { run, busy, error, setError }
}
