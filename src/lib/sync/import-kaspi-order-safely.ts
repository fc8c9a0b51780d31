import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { describeStockShortage, stockShortageReason } from "./describe-stock-shortage"
import type { KaspiText } from "../../types/kaspi-texts"
import { importKaspiOrderWorkflow, importTransactionId, type ImportKaspiOrderResult } from "../../workflows/import-kaspi-order"

export type ImportOutcome = ImportKaspiOrderResult["outcome"] | "failed"

/** Medusa refuses an order it has no stock for: a person decides (restock or cancel on Kaspi). */
const NEEDS_ATTENTION_ERRORS = /inventory|stock|not published|does not exist|not found/i
/**
 * Medusa was busy, not wrong: a lock still held (by a process that died holding
 * it, until its TTL), a deadlock or serialization failure, a dropped connection.
 * The attempt is undone and the order waits for the next poll, not for a person.
 */
const TRANSIENT_ERRORS = /Timed-out acquiring lock|deadlock detected|could not serialize access|ECONNRESET|Connection terminated/i

/**
 * Medusa's refusal in the merchant's terms: a stock shortage names the SKU,
 * product, location, Kaspi store and both quantities (read from the inventory
 * levels, as Medusa's message names only an inventory item id); anything else
 * keeps Medusa's words under a generic code.
 */
async function explainImportError(
  container: MedusaContainer,
  accountId: string,
  order: KaspiOrder,
  status: "needs_attention" | "failed",
  medusaSaid: string
): Promise<{ reason: string; text: KaspiText }> {
  if (status === "needs_attention" && /stock|inventory/i.test(medusaSaid)) {
    // A failed lookup must not hide the refusal itself: the order still waits, with Medusa's words.
    const shortage = await describeStockShortage(container, accountId, order).catch(() => null)
    if (shortage) return stockShortageReason(shortage, medusaSaid)
  }
  return { reason: medusaSaid, text: { code: status === "failed" ? "import.failed" : "import.needs_attention", params: { error: medusaSaid } } }
}

function errorMessage(e: unknown): string {
  const err = e as { message?: string; errors?: Array<{ error?: { message?: string } }> }
  return err?.message ?? err?.errors?.[0]?.error?.message ?? String(e)
}

/**
 * Runs the import workflow for one order and turns a thrown error into a recorded outcome (failed or
 * needs_attention, with Medusa's message), so one bad order never stops a
 * sync. The workflow has already undone its changes.
 */
export async function importKaspiOrderSafely(
  container: MedusaContainer,
  accountId: string,
  order: KaspiOrder
): Promise<{ outcome: ImportOutcome; kaspi_order_id?: string; order_id?: string; reason?: string }> {
  try {
    const { result } = await importKaspiOrderWorkflow(container).run({
      input: { account_id: accountId, order },
      context: { transactionId: importTransactionId(accountId, order.id) },
    })
    return result
  } catch (e) {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const reason = errorMessage(e)
    const [row] = await kaspi.listKaspiOrders({ account_id: accountId, kaspi_id: order.id }, { select: ["id", "order_id"] })
    if (!row || row.order_id) return { outcome: "failed", reason }
    if (TRANSIENT_ERRORS.test(reason)) {
      // The claim's compensation gave the order back as it found it (pending): the next poll takes it again.
      await kaspi.logKaspiEvent({
        account_id: accountId,
        kaspi_order_id: row.id,
        kaspi_code: order.code,
        type: "import.retry_later",
        result: "info",
        message: `Medusa was busy (${reason}): the import is tried again at the next poll.`,
        text: { code: "import.retry_later", params: { error: reason } },
      })
      return { outcome: "failed", kaspi_order_id: row.id, reason }
    }
    const status = NEEDS_ATTENTION_ERRORS.test(reason) ? "needs_attention" : "failed"
    const said = await explainImportError(container, accountId, order, status, reason)
    await kaspi.finishKaspiOrderImport(row.id, { import_status: status, reason: said.reason, text: said.text })
    await kaspi.logKaspiEvent({
      account_id: accountId,
      kaspi_order_id: row.id,
      kaspi_code: order.code,
      type: `import.${status}`,
      result: "error",
      message: said.reason,
      text: said.text,
    })
    return { outcome: status, kaspi_order_id: row.id, reason: said.reason }
  }
}
