import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import {
  createOrderWorkflow,
  createOrUpdateOrderPaymentCollectionWorkflow,
  createRemoteLinkStep,
  createReservationsWorkflow,
  emitEventStep,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder } from "../../modules/kaspi/client"
import { buildKaspiReservationsStep } from "./steps/build-kaspi-reservations"
import { claimKaspiOrderImportStep } from "./steps/claim-kaspi-order-import"
import { discardHalfImportedKaspiOrderStep } from "./steps/discard-half-imported-kaspi-order"
import { findOrCreateKaspiCustomerStep } from "./steps/find-or-create-kaspi-customer"
import { finishKaspiOrderImportStep } from "./steps/finish-kaspi-order-import"
import { prepareKaspiOrderImportStep } from "./steps/prepare-kaspi-order-import"
import { recordKaspiOrderStep } from "./steps/record-kaspi-order"

export const IMPORT_KASPI_ORDER_WORKFLOW = "import-kaspi-order"
export const KASPI_ORDER_IMPORTED_EVENT = "kaspi.order.imported"

export interface ImportKaspiOrderInput {
  account_id: string
  /** A parsed Kaspi order with all its entries (see KaspiClient). */
  order: KaspiOrder
}

export interface ImportKaspiOrderResult {
  kaspi_order_id: string
  outcome: "imported" | "needs_attention" | "ignored" | "skipped"
  order_id?: string
  reason?: string
}

/** The transaction id of an import: one per Kaspi order. */
export const importTransactionId = (accountId: string, kaspiId: string) => `kaspi-order:${accountId}:${kaspiId}`

/**
 * Kaspi order → native Medusa order, once. Record the Kaspi order (unique
 * index), take it with a database claim (removing what a killed earlier
 * attempt left half-made), map it, then
 * create the order with Kaspi's prices, reserve stock at the Kaspi store's
 * location, record the payment Kaspi captured, link the two and announce it.
 * Medusa's own workflows run as steps, so a failure anywhere undoes the order,
 * reservations and payment; the Kaspi record stays with its reason.
 *
 * @example
 * await importKaspiOrderWorkflow(container).run({
 *   input: { account_id: "default", order },
 *   context: { transactionId: importTransactionId("default", order.id) },
 * })
 */
export const importKaspiOrderWorkflow = createWorkflow(IMPORT_KASPI_ORDER_WORKFLOW, (input: ImportKaspiOrderInput) => {
  const record = recordKaspiOrderStep(input)
  // The claim (a compare-and-set with a lease on the kaspi_order row) is what lets
  // exactly one attempt import an order. No extra lock: a lock left in Redis by a
  // killed process outlived its lease and made the next attempt fail the order.
  const claim = claimKaspiOrderImportStep(transform({ record }, ({ record }) => ({ kaspi_order_id: record.id })))

  const prepared = when("kaspi-import-claimed", { claim }, ({ claim }) => claim.claimed).then(() => {
    discardHalfImportedKaspiOrderStep(
      transform({ input, claim }, ({ input, claim }) => ({
        account_id: input.account_id,
        kaspi_id: input.order.id,
        previous_import_status: claim.previous_import_status,
      }))
    )
    return prepareKaspiOrderImportStep(input)
  })

  // No Medusa order is made (cancelled before the import, or a person must act first): the row keeps why.
  when("kaspi-import-not-made", { prepared }, ({ prepared }) => prepared?.action === "ignore" || prepared?.action === "needs_attention").then(() => {
    finishKaspiOrderImportStep(
      transform({ input, record, prepared }, ({ input, record, prepared }) => {
        if (prepared?.action !== "ignore" && prepared?.action !== "needs_attention") throw new Error("unreachable: no reason to finish with")
        return {
          account_id: input.account_id,
          code: input.order.code,
          kaspi_order_id: record.id,
          import_status: prepared.action === "ignore" ? ("ignored" as const) : ("needs_attention" as const),
          reason: prepared.reason,
          text: prepared.text,
          ...(prepared.action === "needs_attention" ? { unmapped_skus: prepared.unmapped_skus } : {}),
        }
      })
    ).config({ name: "finish-kaspi-import-not-made" })
  })

  const imported = when("kaspi-import-ok", { prepared }, ({ prepared }) => prepared?.action === "import").then(() => {
    const customer = findOrCreateKaspiCustomerStep(
      transform({ input }, ({ input }) => ({ attributes: input.order.attributes }))
    )
    const orderInput = transform({ prepared, customer }, ({ prepared, customer }) => {
      if (prepared?.action !== "import") throw new Error("unreachable: import branch without a mapped order")
      return { ...prepared.mapped.order, customer_id: customer.customer_id, email: customer.email }
    })
    const order = createOrderWorkflow.runAsStep({ input: orderInput })

    const reservations = buildKaspiReservationsStep(
      transform({ order, prepared, input }, ({ order, prepared, input }) => ({
        order_id: order.id,
        location_id: prepared?.action === "import" ? prepared.location_id : "",
        kaspi_code: input.order.code,
      }))
    )
    // (no nested `when` here: Medusa's composer keeps one condition at a time)
    createReservationsWorkflow.runAsStep({ input: { reservations } })

    const paymentCollections = createOrUpdateOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ order }, ({ order }) => ({ order_id: order.id })),
    })
    // Kaspi collected the money (card or Kaspi credit): recorded as captured by the system provider.
    markPaymentCollectionAsPaid.runAsStep({
      input: transform({ order, paymentCollections }, ({ order, paymentCollections }) => ({
        order_id: order.id,
        payment_collection_id: paymentCollections[0].id,
      })),
    })

    createRemoteLinkStep(
      transform({ record, order }, ({ record, order }) => [
        { [KASPI_MODULE]: { kaspi_order_id: record.id }, [Modules.ORDER]: { order_id: order.id } },
      ])
    )
    finishKaspiOrderImportStep(
      transform({ input, record, order }, ({ input, record, order }) => ({
        account_id: input.account_id,
        code: input.order.code,
        kaspi_order_id: record.id,
        import_status: "imported" as const,
        order_id: order.id,
      }))
    ).config({ name: "finish-kaspi-import-imported" })
    emitEventStep({
      eventName: KASPI_ORDER_IMPORTED_EVENT,
      data: transform({ input, record, order }, ({ input, record, order }) => ({
        id: record.id,
        order_id: order.id,
        account_id: input.account_id,
        code: input.order.code,
      })),
    })
    return order
  })

  const result = transform({ record, claim, prepared, imported }, (d): ImportKaspiOrderResult => {
    if (!d.claim.claimed) return { kaspi_order_id: d.record.id, outcome: "skipped", reason: "already imported or being imported" }
    if (d.prepared?.action === "import") return { kaspi_order_id: d.record.id, outcome: "imported", order_id: d.imported?.id }
    if (d.prepared?.action === "needs_attention") return { kaspi_order_id: d.record.id, outcome: "needs_attention", reason: d.prepared.reason }
    return { kaspi_order_id: d.record.id, outcome: "ignored", reason: d.prepared?.action === "ignore" ? d.prepared.reason : undefined }
  })
  return new WorkflowResponse(result)
})
