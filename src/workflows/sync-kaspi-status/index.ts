import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { cancelOrderFulfillmentWorkflow, cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { KASPI_ORIGIN } from "../../lib/sync/change-origin"
import { completeMedusaOrderWorkflow } from "../complete-medusa-order"
import { MAX_FULFILLMENTS_PER_ORDER } from "../complete-medusa-order/steps/plan-medusa-order-completion"
import { openMedusaReturnWorkflow } from "../open-medusa-return"
import { receiveMedusaReturnWorkflow } from "../receive-medusa-return"
import { recordKaspiRefundWorkflow } from "../record-kaspi-refund"
import { decideKaspiStatusFollowUpStep, type KaspiStatusDecision } from "./steps/decide-kaspi-status-follow-up"
import { logKaspiOrderEventStep } from "./steps/log-kaspi-order-event"
import { recordKaspiStatusOnOrderStep } from "./steps/record-kaspi-status-on-order"

export const SYNC_KASPI_STATUS_WORKFLOW = "sync-kaspi-status"

export interface SyncKaspiStatusInput {
  account_id: string
  /** our kaspi_order id (kord_…) */
  kaspi_order_id: string
  kaspi_code: string
  /** the linked Medusa order */
  order_id: string
  /** the Kaspi status on our record before this change */
  previous_status: string
  /** Kaspi's new status, state and cancellation reason */
  status: string
  state: string
  cancellation_reason: string | null
}

export interface SyncKaspiStatusResult {
  /** what the Medusa order did: cancel, complete, return, record (written into its history for a person) or none */
  action: KaspiStatusDecision["action"]
}

/** A nested workflow's step handle, whatever its output type (`undefined` outputs type as `never`). */
const asStep = (step: unknown) => step as WorkflowData<unknown>

/**
 * Brings the Medusa order along when Kaspi changes an imported order:
 * cancelled or cancelling → its unshipped fulfilments cancelled, then the
 * order cancelled (reservations released); completed → fulfilled, delivered
 * and completed (completeMedusaOrderWorkflow); a return, or a cancellation
 * after shipping → a Medusa return (openMedusaReturnWorkflow), received when
 * Kaspi says RETURNED (receiveMedusaReturnWorkflow), and Kaspi's refund
 * recorded (recordKaspiRefundWorkflow); statuses the plugin does not know →
 * recorded in the order's history for a person. The choice is
 * the pure rule in lib/orders/kaspi-status-action, made after reading the
 * order. Medusa's workflows are nested as steps, so a failure undoes the
 * follow-up; Kaspi's status and the loop guard (`kaspi_last_change_origin:
 * "kaspi"`) stay on the order's metadata, so the subscribers never send the
 * change back to Kaspi.
 *
 * @example
 * const { result } = await syncKaspiStatusWorkflow(container).run({
 *   input: {
 *     account_id: "default", kaspi_order_id: "kord_123", kaspi_code: "630000001", order_id: "order_123",
 *     previous_status: "ACCEPTED_BY_MERCHANT", status: "CANCELLED", state: "ARCHIVE",
 *     cancellation_reason: "BUYER_CANCELLATION_HIMSELF",
 *   },
 * })
 * // result: { action: "cancel" }
 */
export const syncKaspiStatusWorkflow = createWorkflow(SYNC_KASPI_STATUS_WORKFLOW, (input: SyncKaspiStatusInput) => {
  const decision = decideKaspiStatusFollowUpStep(
    transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      kaspi_order_id: input.kaspi_order_id,
      status: input.status,
      cancellation_reason: input.cancellation_reason,
    }))
  )
  // Every event of this change carries the same data.
  const event = transform({ input }, ({ input }) => ({
    account_id: input.account_id,
    kaspi_order_id: input.kaspi_order_id,
    kaspi_code: input.kaspi_code,
    data: { from: input.previous_status, to: input.status, state: input.state, medusa_order_id: input.order_id },
  }))

  when("kaspi-status-record", { decision }, ({ decision }) => decision.found).then(() => {
    recordKaspiStatusOnOrderStep(
      transform({ input, decision }, ({ input, decision }) => ({
        order_id: input.order_id,
        metadata: {
          ...decision.metadata,
          kaspi_status: input.status,
          kaspi_state: input.state,
          kaspi_cancellation_reason: input.cancellation_reason,
          kaspi_last_change_origin: KASPI_ORIGIN,
          kaspi_last_change_status: input.status,
        },
      }))
    )
    logKaspiOrderEventStep(
      transform({ input, event }, ({ input, event }) => ({
        ...event,
        type: "kaspi.status_changed",
        result: "info" as const,
        message: `${input.previous_status} → ${input.status}${input.cancellation_reason ? ` (${input.cancellation_reason})` : ""}`,
        text: {
          code: "kaspi.status_changed" as const,
          params: { from: input.previous_status ?? null, to: input.status, reason: input.cancellation_reason ?? null },
        },
      }))
    ).config({ name: "log-kaspi-status-changed" })
  })

  // Cancelled on Kaspi: Medusa cancels an order only once its fulfilments are cancelled. One `when`
  // per possible fulfilment: the workflow language has no loop (see MAX_FULFILLMENTS_PER_ORDER).
  for (let i = 0; i < MAX_FULFILLMENTS_PER_ORDER; i++) {
    when(`kaspi-status-cancel-fulfillment-${i}`, { decision }, ({ decision }) => decision.cancel_fulfillment_ids.length > i).then(() => {
      const canceled = cancelOrderFulfillmentWorkflow.runAsStep({
        input: transform({ input, decision }, ({ input, decision }) => ({
          order_id: input.order_id,
          fulfillment_id: decision.cancel_fulfillment_ids[i],
          no_notification: true,
        })),
      })
      asStep(canceled).config({ name: `cancel-kaspi-order-fulfillment-${i}` })
    })
  }
  when("kaspi-status-cancel", { decision }, ({ decision }) => decision.action === "cancel").then(() => {
    cancelOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, no_notification: true, canceled_by: KASPI_ORIGIN })),
    })
    logKaspiOrderEventStep(
      transform({ event, decision }, ({ event, decision }) => ({
        ...event,
        type: "medusa.order_canceled",
        result: "ok" as const,
        message: `Medusa order cancelled: ${decision.reason}`,
        text: { code: "medusa.order_canceled" as const, params: { reason: decision.reason ?? null } },
      }))
    ).config({ name: "log-medusa-order-canceled" })
  })

  // Completed on Kaspi: handed over.
  when("kaspi-status-complete", { decision }, ({ decision }) => decision.action === "complete").then(() => {
    completeMedusaOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, origin: KASPI_ORIGIN })),
    })
    logKaspiOrderEventStep(
      transform({ event, decision }, ({ event, decision }) => ({
        ...event,
        type: "medusa.order_completed",
        result: "ok" as const,
        message: `Medusa order delivered and completed: ${decision.reason}`,
        text: { code: "medusa.order_completed" as const, params: { why: decision.reason ?? null } },
      }))
    ).config({ name: "log-medusa-order-completed" })
  })

  // A return on Kaspi, or a shipped order Kaspi cancelled (API.md b). Each part runs only while it is still to
  // do (the decision reads the return and the payments), so a second sync makes no second return or refund.
  // Kaspi returns only completed orders: one Medusa never completed is completed first, so there is
  // something shipped to return.
  when("kaspi-status-return-complete-first", { decision }, ({ decision }) => decision.returns.complete_first).then(() => {
    const completed = completeMedusaOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, origin: KASPI_ORIGIN })),
    })
    asStep(completed).config({ name: "complete-kaspi-order-before-return" })
    logKaspiOrderEventStep(
      transform({ event }, ({ event }) => ({
        ...event,
        type: "medusa.order_completed",
        result: "ok" as const,
        message: "Medusa order delivered and completed: Kaspi returns only completed orders",
        text: { code: "medusa.order_completed" as const, params: { why: "Kaspi returns only completed orders" } },
      }))
    ).config({ name: "log-medusa-order-completed-before-return" })
  })
  when("kaspi-status-return-open", { decision }, ({ decision }) => decision.returns.open).then(() => {
    const opened = openMedusaReturnWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        kaspi_order_id: input.kaspi_order_id,
        kaspi_code: input.kaspi_code,
        actor: KASPI_ORIGIN,
      })),
    })
    logKaspiOrderEventStep(
      transform({ input, event, decision, opened }, ({ input, event, decision, opened }) => ({
        ...event,
        type: "medusa.return_opened",
        result: "ok" as const,
        message: `Medusa return opened: ${opened.quantity} unit(s) to come back to ${opened.location_name} (${decision.reason})`,
        text: {
          code: "medusa.return_opened" as const,
          params: { quantity: opened.quantity, location: opened.location_name, status: input.status },
        },
      }))
    ).config({ name: "log-medusa-return-opened" })
  })
  when("kaspi-status-return-receive", { decision }, ({ decision }) => decision.returns.receive).then(() => {
    const received = receiveMedusaReturnWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, kaspi_order_id: input.kaspi_order_id, actor: KASPI_ORIGIN })),
    })
    logKaspiOrderEventStep(
      transform({ event, received }, ({ event, received }) => ({
        ...event,
        type: "medusa.return_received",
        result: "ok" as const,
        message: `Medusa return received: ${received.quantity} unit(s) back in stock at ${received.location_name}`,
        text: { code: "medusa.return_received" as const, params: { quantity: received.quantity, location: received.location_name } },
      }))
    ).config({ name: "log-medusa-return-received" })
  })
  when("kaspi-status-return-refund", { decision }, ({ decision }) => decision.returns.refund).then(() => {
    const refunded = recordKaspiRefundWorkflow.runAsStep({
      input: transform({ input, decision }, ({ input, decision }) => ({
        order_id: input.order_id,
        note: `Kaspi refunded the buyer: ${decision.reason}`,
        actor: KASPI_ORIGIN,
      })),
    })
    logKaspiOrderEventStep(
      transform({ event, refunded }, ({ event, refunded }) => ({
        ...event,
        type: "medusa.refund_recorded",
        result: "ok" as const,
        message: `Kaspi's refund recorded on the Medusa payment: ${refunded.refunded} ₸`,
        text: { code: "medusa.refund_recorded" as const, params: { amount: refunded.refunded } },
      }))
    ).config({ name: "log-medusa-refund-recorded" })
  })

  // Statuses the plugin does not know, a return of an order cancelled in Medusa: a person decides.
  when("kaspi-status-attention", { decision }, ({ decision }) => decision.action === "record").then(() => {
    logKaspiOrderEventStep(
      transform({ event, decision }, ({ event, decision }) => ({
        ...event,
        type: "medusa.attention",
        result: "error" as const,
        message: decision.reason,
        text: { code: "medusa.attention" as const, params: { reason: decision.reason ?? null } },
      }))
    ).config({ name: "log-medusa-attention" })
  })

  return new WorkflowResponse(transform({ decision }, ({ decision }): SyncKaspiStatusResult => ({ action: decision.action })))
})
