// Pure unit tests of the transition rules (no HTTP).

import {
  TITLES,
  acceptedStateFor,
  decideKaspiEvent,
  decideMerchantCommand,
  defaultStateFor,
  parseNumberOfSpace,
  type Decision,
  type OrderFacts,
} from "../state-machine"

const base: OrderFacts = {
  state: "NEW",
  status: "APPROVED_BY_BANK",
  deliveryMode: "DELIVERY_PICKUP",
  isKaspiDelivery: false,
  assembled: false,
  signatureRequired: false,
  preOrder: false,
  arrived: false,
  securityCode: null,
  courierPickedUp: false,
  returnedToWarehouse: false,
}
const facts = (o: Partial<OrderFacts>): OrderFacts => ({ ...base, ...o })
const accepted = (o: Partial<OrderFacts> = {}) => facts({ status: "ACCEPTED_BY_MERCHANT", state: "PICKUP", ...o })
const kaspiAccepted = (o: Partial<OrderFacts> = {}) =>
  facts({ status: "ACCEPTED_BY_MERCHANT", state: "KASPI_DELIVERY", deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, ...o })

function expectRejected(d: Decision, title: string | RegExp) {
  expect(d.ok).toBe(false)
  if (!d.ok) {
    if (typeof title === "string") expect(d.title).toBe(title)
    else expect(d.title).toMatch(title)
  }
}
function expectAllowed(d: Decision) {
  if (!d.ok) throw new Error(`expected allowed, got "${d.title}"`)
  return d
}

describe("acceptedStateFor / defaultStateFor", () => {
  it.each([
    ["DELIVERY_PICKUP", false, "PICKUP"],
    ["DELIVERY_PICKUP", true, "KASPI_DELIVERY"],
    ["DELIVERY_LOCAL", false, "DELIVERY"],
    ["DELIVERY_LOCAL", true, "KASPI_DELIVERY"],
    ["DELIVERY_REGIONAL_TODOOR", false, "DELIVERY"],
    ["DELIVERY_REGIONAL_TODOOR", true, "KASPI_DELIVERY"],
    ["DELIVERY_REGIONAL_PICKUP", true, "KASPI_DELIVERY"],
  ] as const)("%s kaspi=%s → %s", (mode, kaspi, state) => {
    expect(acceptedStateFor(mode, kaspi)).toBe(state)
  })

  it("derives the list from the status", () => {
    expect(defaultStateFor("APPROVED_BY_BANK", "DELIVERY_PICKUP", false, false)).toBe("NEW")
    expect(defaultStateFor("APPROVED_BY_BANK", "DELIVERY_PICKUP", false, true)).toBe("SIGN_REQUIRED")
    expect(defaultStateFor("ACCEPTED_BY_MERCHANT", "DELIVERY_LOCAL", false, false)).toBe("DELIVERY")
    expect(defaultStateFor("COMPLETED", "DELIVERY_LOCAL", false, false)).toBe("ARCHIVE")
    expect(defaultStateFor("CANCELLED", "DELIVERY_LOCAL", true, false)).toBe("ARCHIVE")
    expect(defaultStateFor("KASPI_DELIVERY_RETURN_REQUESTED", "DELIVERY_LOCAL", true, false)).toBe("KASPI_DELIVERY")
  })
})

describe("ACCEPTED_BY_MERCHANT", () => {
  it("moves a new order to the list of its delivery mode", () => {
    const d = expectAllowed(decideMerchantCommand(facts({ deliveryMode: "DELIVERY_LOCAL" }), { kind: "ACCEPTED_BY_MERCHANT" }))
    expect(d.patch).toEqual({ status: "ACCEPTED_BY_MERCHANT", state: "DELIVERY" })
  })
  it("is allowed while the buyer still has to sign", () => {
    const d = expectAllowed(decideMerchantCommand(facts({ state: "SIGN_REQUIRED", signatureRequired: true }), { kind: "ACCEPTED_BY_MERCHANT" }))
    expect(d.patch.state).toBe("PICKUP")
  })
  it("refuses an accepted order with an 'already' title", () => {
    const d = decideMerchantCommand(accepted(), { kind: "ACCEPTED_BY_MERCHANT" })
    expectRejected(d, TITLES.acceptAlready)
    expect(d.ok ? "" : d.title).toMatch(/already/)
  })
  it("refuses cancelled and completed orders", () => {
    expectRejected(decideMerchantCommand(facts({ status: "CANCELLED", state: "ARCHIVE" }), { kind: "ACCEPTED_BY_MERCHANT" }), TITLES.acceptCancelled)
    expectRejected(decideMerchantCommand(facts({ status: "CANCELLING" }), { kind: "ACCEPTED_BY_MERCHANT" }), TITLES.acceptCancelled)
    expectRejected(decideMerchantCommand(facts({ status: "COMPLETED", state: "ARCHIVE" }), { kind: "ACCEPTED_BY_MERCHANT" }), TITLES.acceptCompleted)
  })
})

describe("CANCELLED", () => {
  it.each(["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"])("accepts reason %s for a pickup order", (reason) => {
    const d = expectAllowed(decideMerchantCommand(facts({}), { kind: "CANCELLED", reason }))
    expect(d.patch).toMatchObject({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: reason })
    expect(d.effects).toContain("ARCHIVED")
  })
  it("works from ACCEPTED_BY_MERCHANT too", () => {
    expectAllowed(decideMerchantCommand(accepted(), { kind: "CANCELLED", reason: "MERCHANT_OUT_OF_STOCK" }))
  })
  it("needs a known reason", () => {
    expectRejected(decideMerchantCommand(facts({}), { kind: "CANCELLED" }), TITLES.cancelReasonRequired)
    expectRejected(decideMerchantCommand(facts({}), { kind: "CANCELLED", reason: "TIMEOUT_BUYER_PICKUP" }), TITLES.cancelReasonUnknown)
  })
  it("refuses BUYER_NOT_REACHABLE for Kaspi Delivery", () => {
    expectRejected(decideMerchantCommand(kaspiAccepted(), { kind: "CANCELLED", reason: "BUYER_NOT_REACHABLE" }), TITLES.cancelReasonNotReachableKaspi)
  })
  it("limits the comment to 1000 characters", () => {
    expectAllowed(decideMerchantCommand(facts({}), { kind: "CANCELLED", reason: "MERCHANT_OUT_OF_STOCK", comment: "x".repeat(1000) }))
    expectRejected(decideMerchantCommand(facts({}), { kind: "CANCELLED", reason: "MERCHANT_OUT_OF_STOCK", comment: "x".repeat(1001) }), TITLES.cancelCommentTooLong)
  })
  it("refuses assembled, completed and already cancelled orders", () => {
    expectRejected(decideMerchantCommand(kaspiAccepted({ assembled: true }), { kind: "CANCELLED", reason: "MERCHANT_OUT_OF_STOCK" }), TITLES.cancelAssembled)
    expectRejected(decideMerchantCommand(facts({ status: "COMPLETED", state: "ARCHIVE" }), { kind: "CANCELLED", reason: "MERCHANT_OUT_OF_STOCK" }), TITLES.cancelCompleted)
    expectRejected(decideMerchantCommand(facts({ status: "RETURNED", state: "ARCHIVE" }), { kind: "CANCELLED", reason: "MERCHANT_OUT_OF_STOCK" }), TITLES.cancelCompleted)
    const again = decideMerchantCommand(facts({ status: "CANCELLED", state: "ARCHIVE" }), { kind: "CANCELLED", reason: "MERCHANT_OUT_OF_STOCK" })
    expectRejected(again, /already/)
  })
})

describe("COMPLETED (two steps)", () => {
  it("step 1 sends a code for accepted pickup and merchant-delivery orders", () => {
    const d = expectAllowed(decideMerchantCommand(accepted(), { kind: "COMPLETED_SEND_CODE" }))
    expect(d.effects).toEqual(["SEND_SECURITY_CODE"])
    expect(d.patch).toEqual({})
    expectAllowed(decideMerchantCommand(accepted({ state: "DELIVERY", deliveryMode: "DELIVERY_LOCAL" }), { kind: "COMPLETED_SEND_CODE" }))
  })
  it("step 2 needs the code that was sent", () => {
    expectRejected(decideMerchantCommand(accepted(), { kind: "COMPLETED", securityCode: "1234" }), "Security code is not valid. And the order cannot be completed without it")
    expectRejected(decideMerchantCommand(accepted({ securityCode: "1234" }), { kind: "COMPLETED", securityCode: "4321" }), "Security code is not valid. And the order cannot be completed without it")
    const d = expectAllowed(decideMerchantCommand(accepted({ securityCode: "1234" }), { kind: "COMPLETED", securityCode: "1234" }))
    expect(d.patch).toEqual({ status: "COMPLETED", state: "ARCHIVE" })
    expect(d.effects).toEqual(["COMPLETED", "ARCHIVED"])
  })
  it("uses the documented error texts", () => {
    expectRejected(decideMerchantCommand(facts({ status: "CANCELLED", state: "ARCHIVE" }), { kind: "COMPLETED_SEND_CODE" }), "Order is cancelled, so it can't be completed.")
    expectRejected(decideMerchantCommand(facts({ status: "COMPLETED", state: "ARCHIVE" }), { kind: "COMPLETED", securityCode: "1" }), "Order already has been completed, so it can't be completed again.")
    expectRejected(decideMerchantCommand(accepted({ signatureRequired: true }), { kind: "COMPLETED_SEND_CODE" }), "Order is not may complete allowed")
  })
  it("refuses Kaspi Delivery and unaccepted orders", () => {
    expectRejected(decideMerchantCommand(kaspiAccepted(), { kind: "COMPLETED_SEND_CODE" }), TITLES.completeKaspiDelivery)
    expectRejected(decideMerchantCommand(facts({}), { kind: "COMPLETED_SEND_CODE" }), TITLES.completeNotAccepted)
  })
})

describe("ASSEMBLE", () => {
  it("assembles an accepted Kaspi Delivery order and schedules the waybill", () => {
    const d = expectAllowed(decideMerchantCommand(kaspiAccepted(), { kind: "ASSEMBLE", numberOfSpace: "2" }))
    expect(d.patch).toEqual({ assembled: true, numberOfSpace: 2 })
    expect(d.effects).toEqual(["SCHEDULE_WAYBILL"])
  })
  it("refuses pickup, unaccepted, assembled, cancelled and completed orders", () => {
    expectRejected(decideMerchantCommand(accepted(), { kind: "ASSEMBLE", numberOfSpace: 1 }), TITLES.assembleNotKaspi)
    expectRejected(decideMerchantCommand(kaspiAccepted({ status: "APPROVED_BY_BANK", state: "NEW" }), { kind: "ASSEMBLE", numberOfSpace: 1 }), TITLES.assembleNotAccepted)
    expectRejected(decideMerchantCommand(kaspiAccepted({ assembled: true }), { kind: "ASSEMBLE", numberOfSpace: 1 }), TITLES.assembleAlready)
    expectRejected(decideMerchantCommand(kaspiAccepted({ status: "CANCELLED" }), { kind: "ASSEMBLE", numberOfSpace: 1 }), TITLES.assembleCancelled)
    expectRejected(decideMerchantCommand(kaspiAccepted({ status: "COMPLETED" }), { kind: "ASSEMBLE", numberOfSpace: 1 }), TITLES.assembleCompleted)
  })
  it("validates numberOfSpace", () => {
    expect(parseNumberOfSpace("2")).toEqual({ ok: true, value: 2 })
    expect(parseNumberOfSpace(3)).toEqual({ ok: true, value: 3 })
    for (const bad of [0, -1, 1.5, "abc", "1.5", true]) expect(parseNumberOfSpace(bad)).toEqual({ ok: false, title: TITLES.numberOfSpaceInvalid })
    for (const missing of [undefined, null, ""]) expect(parseNumberOfSpace(missing)).toEqual({ ok: false, title: TITLES.numberOfSpaceRequired })
  })
})

describe("ARRIVED / ARRIVED_BACKWARD", () => {
  it("ARRIVED only for accepted pre-orders, once", () => {
    expectAllowed(decideMerchantCommand(accepted({ preOrder: true }), { kind: "ARRIVED" }))
    expectRejected(decideMerchantCommand(accepted(), { kind: "ARRIVED" }), TITLES.arrivedNotPreOrder)
    expectRejected(decideMerchantCommand(facts({ preOrder: true }), { kind: "ARRIVED" }), TITLES.arrivedNotAccepted)
    expectRejected(decideMerchantCommand(accepted({ preOrder: true, arrived: true }), { kind: "ARRIVED" }), /already/)
  })
  it("ARRIVED_BACKWARD finishes a cancellation or a return", () => {
    const c = expectAllowed(decideMerchantCommand(kaspiAccepted({ status: "CANCELLING" }), { kind: "ARRIVED_BACKWARD" }))
    expect(c.patch).toMatchObject({ status: "CANCELLED", state: "ARCHIVE", returnedToWarehouse: true })
    const r = expectAllowed(decideMerchantCommand(kaspiAccepted({ status: "KASPI_DELIVERY_RETURN_REQUESTED" }), { kind: "ARRIVED_BACKWARD" }))
    expect(r.patch).toMatchObject({ status: "RETURNED", state: "ARCHIVE", returnedToWarehouse: true })
  })
  it("ARRIVED_BACKWARD is refused otherwise", () => {
    expectRejected(decideMerchantCommand(accepted(), { kind: "ARRIVED_BACKWARD" }), TITLES.arrivedBackwardNotAllowed)
    expectRejected(decideMerchantCommand(facts({ status: "CANCELLED", returnedToWarehouse: true }), { kind: "ARRIVED_BACKWARD" }), /already/)
  })
})

describe("Kaspi-side events", () => {
  it("buyer_cancel goes through CANCELLING unless immediate", () => {
    const d = expectAllowed(decideKaspiEvent(accepted(), "buyer_cancel"))
    expect(d.patch).toMatchObject({ status: "CANCELLING", cancellationReason: "BUYER_CANCELLATION_HIMSELF", pendingCancellation: true })
    const i = expectAllowed(decideKaspiEvent(accepted(), "buyer_cancel", { immediate: true }))
    expect(i.patch).toMatchObject({ status: "CANCELLED", state: "ARCHIVE" })
    expectRejected(decideKaspiEvent(facts({ status: "COMPLETED" }), "buyer_cancel"), /can't be cancelled/)
  })
  it("kaspi_cancel_timeout picks a fitting reason", () => {
    expect(expectAllowed(decideKaspiEvent(accepted(), "kaspi_cancel_timeout")).patch.cancellationReason).toBe("TIMEOUT_BUYER_PICKUP")
    expect(expectAllowed(decideKaspiEvent(kaspiAccepted(), "kaspi_cancel_timeout")).patch.cancellationReason).toBe("TIMEOUT_KASPI_DELIVERY")
    expect(expectAllowed(decideKaspiEvent(facts({ state: "SIGN_REQUIRED", signatureRequired: true }), "kaspi_cancel_timeout")).patch.cancellationReason).toBe(
      "TIMEOUT_BUYER_SIGNATURE"
    )
  })
  it("courier events need a Kaspi Delivery order in the right stage", () => {
    expectRejected(decideKaspiEvent(accepted(), "courier_cancel"), /Kaspi Delivery/)
    expect(expectAllowed(decideKaspiEvent(kaspiAccepted(), "courier_cancel")).patch.cancellationReason).toBe("BUYER_CANCELLATION_BY_COURIER")
    expectRejected(decideKaspiEvent(kaspiAccepted(), "courier_pickup"), /not assembled/)
    expect(expectAllowed(decideKaspiEvent(kaspiAccepted({ assembled: true }), "courier_pickup")).patch).toEqual({ courierPickedUp: true })
    expectRejected(decideKaspiEvent(kaspiAccepted({ assembled: true, courierPickedUp: true }), "courier_pickup"), /already/)
  })
  it("kaspi_complete needs the courier to have the parcel", () => {
    expectRejected(decideKaspiEvent(kaspiAccepted({ assembled: true }), "kaspi_complete"), /courier/)
    expectRejected(decideKaspiEvent(accepted(), "kaspi_complete"), /Kaspi Delivery/)
    const d = expectAllowed(decideKaspiEvent(kaspiAccepted({ assembled: true, courierPickedUp: true }), "kaspi_complete"))
    expect(d.patch).toEqual({ status: "COMPLETED", state: "ARCHIVE" })
  })
  it("returns: requested → accepted → returned", () => {
    expectRejected(decideKaspiEvent(accepted(), "return_requested"), /completed/)
    expect(expectAllowed(decideKaspiEvent(facts({ status: "COMPLETED", state: "ARCHIVE" }), "return_requested")).patch).toMatchObject({
      status: "KASPI_DELIVERY_RETURN_REQUESTED",
      state: "KASPI_DELIVERY",
    })
    expect(expectAllowed(decideKaspiEvent(facts({ status: "KASPI_DELIVERY_RETURN_REQUESTED" }), "return_accepted")).patch).toEqual({
      status: "RETURN_ACCEPTED_BY_MERCHANT",
    })
    expectRejected(decideKaspiEvent(facts({ status: "COMPLETED" }), "return_accepted"), /No return/)
    expect(expectAllowed(decideKaspiEvent(facts({ status: "RETURN_ACCEPTED_BY_MERCHANT" }), "returned")).patch).toEqual({ status: "RETURNED", state: "ARCHIVE" })
    expectRejected(decideKaspiEvent(facts({ status: "COMPLETED" }), "returned"), /No return/)
  })
  it("buyer_signs clears the pending signature", () => {
    expect(expectAllowed(decideKaspiEvent(facts({ state: "SIGN_REQUIRED", signatureRequired: true }), "buyer_signs")).patch).toEqual({
      signatureRequired: false,
      state: "NEW",
    })
    expect(expectAllowed(decideKaspiEvent(accepted({ signatureRequired: true }), "buyer_signs")).patch).toEqual({ signatureRequired: false })
    expectRejected(decideKaspiEvent(facts({}), "buyer_signs"), /no signature/)
  })
})
