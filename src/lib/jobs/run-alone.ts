import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Runs `run` under a Locking Module lock, or answers `{ busy: true }` at once
 * when another run (another instance, another click) holds it: a periodic job
 * that finds its previous run still going skips this turn instead of queueing
 * behind it. An error from `run` itself is thrown, not taken for "busy".
 */
export async function runAlone<T extends object>(container: MedusaContainer, key: string, run: () => Promise<T>): Promise<({ busy: false } & T) | { busy: true }> {
  let started = false
  try {
    return await container.resolve(Modules.LOCKING).execute(
      key,
      async () => {
        started = true
        return { busy: false as const, ...(await run()) }
      },
      { timeout: 1 }
    )
  } catch (e) {
    if (!started) return { busy: true }
    throw e
  }
}
