import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { runAlone } from "../jobs/run-alone"

export const FOLLOW_CARD_IMPORTS_LOCK_KEY = "kaspi-follow-card-imports"

/** Imports asked about per run at most: the least recently asked first, the rest on the next run. */
const FOLLOW_LIMIT = 50

export interface FollowCardImportsResult {
  checked: number
  finished: number
  aborted: number
  gaveUp: number
  failed: number
}

/**
 * Follows sent card imports (API.md a.14) until Kaspi has processed them:
 * each "uploaded" import not asked about for `cards.followEverySeconds` is
 * asked for its status; FINISHED brings its per-SKU result onto the import
 * and its cards, ABORTED Kaspi's description; one still processing after
 * `cards.giveUpAfterHours` is given up on ("unknown", with the reason). A
 * failed question (Kaspi down) is asked again on a later run. One run at a
 * time across instances (the Locking Module), and each import is taken with
 * its check counted, so no two runs ask about the same one. `everySeconds`
 * overrides the option (tests ask at once).
 */
export async function followKaspiCardImports(container: MedusaContainer, opts: { now?: Date; everySeconds?: number } = {}) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const { followEverySeconds, giveUpAfterHours } = kaspi.getResolvedOptions().cards
  const now = opts.now ?? new Date()
  const { ledger } = kaspi.cards()
  return runAlone(container, FOLLOW_CARD_IMPORTS_LOCK_KEY, async (): Promise<FollowCardImportsResult> => {
    const out: FollowCardImportsResult = { checked: 0, finished: 0, aborted: 0, gaveUp: 0, failed: 0 }
    for (const due of await ledger.claimDue({ everySeconds: opts.everySeconds ?? followEverySeconds, limit: FOLLOW_LIMIT })) {
      out.checked++
      const seen = await askKaspiAboutCardImport(kaspi, due)
      if (seen === "failed") out.failed++
      if (seen === "finished" || seen === "aborted") {
        out[seen]++
        continue
      }
      if (now.getTime() - new Date(due.sent_at).getTime() > giveUpAfterHours * 3_600_000) {
        await ledger.giveUp(due.id, `Kaspi had not finished the import after ${giveUpAfterHours} h (cards.giveUpAfterHours); send the cards again`)
        out.gaveUp++
      }
    }
    return out
  })
}

/**
 * Asks Kaspi where one sent import is and records the answer on it and its
 * cards: the job's question, and the admin's "Refresh" (which asks now
 * instead of at the next run). "failed": Kaspi did not answer (or refused the
 * question); the import stays as it was, asked again later.
 */
export async function askKaspiAboutCardImport(
  kaspi: KaspiModuleService,
  due: { id: string; account_id: string; import_code: string }
): Promise<"finished" | "aborted" | "processing" | "failed"> {
  const { ledger } = kaspi.cards()
  try {
    const client = await kaspi.getClient(due.account_id)
    const state = await client.content.getImportStatus(due.import_code)
    const result = state.status === "finished" ? await client.content.getImportResult(due.import_code) : null
    await ledger.recordStatus(due.id, state, result)
    return state.status === "finished" || state.status === "aborted" ? state.status : "processing"
  } catch {
    return "failed"
  }
}
