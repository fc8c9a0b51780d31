import { MedusaError } from "@medusajs/framework/utils"
import type KaspiModuleService from "../../modules/kaspi/service"

/** A Kaspi order record by our id (kord_…), the linked Medusa order id (order_…) or the Kaspi code. */
export async function findKaspiOrderRow(kaspi: KaspiModuleService, ref: string) {
  const filter = ref.startsWith("kord_") ? { id: ref } : ref.startsWith("order_") ? { order_id: ref } : { code: ref }
  const [row] = await kaspi.listKaspiOrders(filter)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi order "${ref}"`)
  return row
}
