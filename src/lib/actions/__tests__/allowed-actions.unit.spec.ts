import { allowedKaspiActions } from "../allowed-actions"
import type { KaspiOrderFacts } from "../kaspi-actions"
import { orderFacts } from "./order-facts"

const order = (over: Partial<KaspiOrderFacts> = {}): KaspiOrderFacts => orderFacts("APPROVED_BY_BANK", over)

describe("allowedKaspiActions: the buttons the order widget shows", () => {
  it("offers accept and cancel (every reason) for a new pickup order", () => {
    expect(allowedKaspiActions(order())).toEqual({
      actions: ["accept", "cancel", "cancel_entry"],
      cancel_reasons: ["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"],
    })
  })

  it("offers the two-step completion for an accepted pickup or own-delivery order, not assemble", () => {
    for (const delivery_mode of ["DELIVERY_PICKUP", "DELIVERY_LOCAL"]) {
      const r = allowedKaspiActions(order({ status: "ACCEPTED_BY_MERCHANT", state: "PICKUP", delivery_mode }))
      expect(r.actions).toEqual(["send_code", "complete", "cancel", "cancel_entry"])
    }
  })

  it("offers assemble for accepted Kaspi Delivery, no code completion, and no BUYER_NOT_REACHABLE", () => {
    const r = allowedKaspiActions(
      order({ status: "ACCEPTED_BY_MERCHANT", state: "KASPI_DELIVERY", delivery_mode: "DELIVERY_REGIONAL_TODOOR", is_kaspi_delivery: true })
    )
    expect(r.actions).toEqual(["assemble", "cancel", "cancel_entry"])
    expect(r.cancel_reasons).toEqual(["BUYER_CANCELLATION_BY_MERCHANT", "MERCHANT_OUT_OF_STOCK"])
  })

  it("offers nothing but the waybill's wait once a Kaspi Delivery order is assembled (no cancel after ASSEMBLE)", () => {
    const r = allowedKaspiActions(order({ status: "ACCEPTED_BY_MERCHANT", state: "KASPI_DELIVERY", is_kaspi_delivery: true, assembled: true }))
    expect(r).toEqual({ actions: [], cancel_reasons: [] })
  })

  it("offers arrived for an accepted pre-order until it is sent", () => {
    const o = order({ status: "ACCEPTED_BY_MERCHANT", state: "PICKUP", pre_order: true })
    expect(allowedKaspiActions(o).actions).toContain("arrived")
    expect(allowedKaspiActions(o, [{ action: "arrived", status: "sent" }]).actions).not.toContain("arrived")
    // a failed attempt may be tried again
    expect(allowedKaspiActions(o, [{ action: "arrived", status: "failed" }]).actions).toContain("arrived")
  })

  it("hides completion while the buyer has not signed the credit documents", () => {
    const r = allowedKaspiActions(order({ status: "ACCEPTED_BY_MERCHANT", state: "SIGN_REQUIRED", signature_required: true }))
    expect(r.actions).toEqual(["cancel", "cancel_entry"])
  })

  it("does not offer again what is queued, being sent or recorded in dry-run mode", () => {
    for (const status of ["pending", "sending", "sent", "dry_run"]) {
      expect(allowedKaspiActions(order(), [{ action: "accept", status }]).actions).toEqual(["cancel", "cancel_entry"])
    }
    expect(allowedKaspiActions(order(), [{ action: "accept", status: "failed" }]).actions).toEqual(["accept", "cancel", "cancel_entry"])
  })

  it("keeps 'send the code' available after a code was sent (the buyer may ask again), hides complete once sent", () => {
    const o = order({ status: "ACCEPTED_BY_MERCHANT", state: "PICKUP" })
    expect(allowedKaspiActions(o, [{ action: "send_code", status: "sent" }]).actions).toEqual(["send_code", "complete", "cancel", "cancel_entry"])
    expect(allowedKaspiActions(o, [{ action: "complete", status: "failed" }]).actions).toContain("complete")
    expect(allowedKaspiActions(o, [{ action: "complete", status: "pending" }]).actions).not.toContain("complete")
  })

  it("offers a line cancel on an active order until the whole order is being cancelled (a.12: not after ASSEMBLE)", () => {
    expect(allowedKaspiActions(order(), [{ action: "cancel_entry", status: "sent" }]).actions).toContain("cancel_entry")
    for (const status of ["pending", "sending", "sent"]) {
      expect(allowedKaspiActions(order(), [{ action: "cancel", status }]).actions).not.toContain("cancel_entry")
    }
    expect(allowedKaspiActions(order({ status: "CANCELLING", state: "PICKUP" })).actions).not.toContain("cancel_entry")
  })

  it("offers arrived_backward only while goods may come back", () => {
    expect(allowedKaspiActions(order({ status: "CANCELLING", state: "KASPI_DELIVERY", is_kaspi_delivery: true })).actions).toEqual([
      "arrived_backward",
    ])
    expect(allowedKaspiActions(order({ status: "KASPI_DELIVERY_RETURN_REQUESTED", state: "ARCHIVE" })).actions).toEqual(["arrived_backward"])
  })

  it("does not offer arrived_backward once the return is accepted (a.11: only CANCELLING or KASPI_DELIVERY_RETURN_REQUESTED)", () => {
    expect(allowedKaspiActions(order({ status: "RETURN_ACCEPTED_BY_MERCHANT", state: "ARCHIVE" }))).toEqual({ actions: [], cancel_reasons: [] })
    expect(allowedKaspiActions(order({ status: "RETURN_ACCEPTED_BY_MERCHANT", state: "KASPI_DELIVERY", is_kaspi_delivery: true }))).toEqual({
      actions: [],
      cancel_reasons: [],
    })
    // once sent, not offered again
    const cancelling = order({ status: "CANCELLING", state: "PICKUP" })
    expect(allowedKaspiActions(cancelling, [{ action: "arrived_backward", status: "sent" }]).actions).toEqual([])
  })

  it("offers no BUYER_NOT_REACHABLE when the delivery of a new order is not known to be pickup or own delivery", () => {
    const r = allowedKaspiActions(order({ delivery_mode: "DELIVERY_REGIONAL_PICKUP" }))
    expect(r.actions).toEqual(["accept", "cancel", "cancel_entry"])
    expect(r.cancel_reasons).toEqual(["BUYER_CANCELLATION_BY_MERCHANT", "MERCHANT_OUT_OF_STOCK"])
  })

  it("offers nothing for an order status the plugin does not know, and does not crash", () => {
    for (const status of ["SOMETHING_NEW", "", "ACCEPTED", "accepted_by_merchant"]) {
      for (const o of [
        order({ status, state: "PICKUP" }),
        order({ status, state: "KASPI_DELIVERY", is_kaspi_delivery: true, assembled: true }),
        order({ status, pre_order: true }),
      ]) {
        expect(allowedKaspiActions(o, [{ action: "send_code", status: "sent" }])).toEqual({ actions: [], cancel_reasons: [] })
      }
    }
    expect(allowedKaspiActions(order({ status: undefined as unknown as string, state: undefined as unknown as string }))).toEqual({
      actions: [],
      cancel_reasons: [],
    })
  })

  it("offers nothing for finished orders", () => {
    for (const status of ["COMPLETED", "CANCELLED", "RETURNED", "RETURN_ACCEPTED_BY_MERCHANT"]) {
      expect(allowedKaspiActions(order({ status, state: "ARCHIVE" }))).toEqual({ actions: [], cancel_reasons: [] })
    }
  })
})
