import { toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../../lib/api"
import { useInvalidateKaspi } from "../../lib/queries"

/**
 * A button's call whose outcome is a toast: which call is on its way (by a
 * key of the caller's, for its spinner), the API's message as an error
 * toast, and the Kaspi queries read again afterwards, after a failure too,
 * since a half-done call may have changed something.
 */
export function useToastedCall<K extends string = string>() {
  const invalidate = useInvalidateKaspi()
  const [busy, setBusy] = useState<K | null>(null)

  const call = async (key: K, fn: () => Promise<unknown>) => {
    setBusy(key)
    try {
      await fn()
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setBusy(null)
      await invalidate()
    }
  }

  return { busy, call }
}
