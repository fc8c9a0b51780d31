import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import type { KaspiOrderAttributes } from "../../../modules/kaspi/client"
import { kaspiCustomerEmail, kaspiCustomerName, normaliseKaspiPhone } from "../../../lib/orders/kaspi-customer"

/**
 * One Medusa customer per Kaspi buyer, keyed by a phone-derived `.invalid`
 * e-mail (Kaspi sends no e-mail). The real phone is stored while Kaspi still
 * shows it; Kaspi masks it once the order is archived.
 */
export const findOrCreateKaspiCustomerStep = createStep(
  "find-or-create-kaspi-customer",
  async (input: { attributes: Pick<KaspiOrderAttributes, "customer" | "code"> }, { container }) => {
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const email = kaspiCustomerEmail(input.attributes)
    const phone = normaliseKaspiPhone(input.attributes.customer?.cellPhone)
    const [existing] = await customers.listCustomers({ email })
    if (existing) {
      if (phone && existing.phone !== phone) {
        await customers.updateCustomers(existing.id, { phone })
      }
      return new StepResponse({ customer_id: existing.id, email }, null)
    }
    const created = await customers.createCustomers({
      email,
      phone,
      ...kaspiCustomerName(input.attributes),
      metadata: { source: "kaspi" },
    })
    return new StepResponse({ customer_id: created.id, email }, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve<ICustomerModuleService>(Modules.CUSTOMER).deleteCustomers(createdId)
  }
)
