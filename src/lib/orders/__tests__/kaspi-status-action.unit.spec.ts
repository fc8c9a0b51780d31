import { kaspiStatusToMedusaAction, type MedusaOrderState } from "../kaspi-status-action"

const completed: MedusaOrderState = { status: "completed", fulfillments: [{ shipped: true, delivered: true }], kaspiReturn: null, unrefunded: 7000 }
const shipped: MedusaOrderState = { status: "pending", fulfillments: [{ shipped: true, delivered: false }], kaspiReturn: null, unrefunded: 7000 }

// API.md b: COMPLETED → KASPI_DELIVERY_RETURN_REQUESTED → RETURN_ACCEPTED_BY_MERCHANT → RETURNED.
describe("kaspiStatusToMedusaAction: returns", () => {
  it("a return requested or accepted on Kaspi opens a Medusa return, nothing received or refunded yet", () => {
    for (const status of ["KASPI_DELIVERY_RETURN_REQUESTED", "RETURN_ACCEPTED_BY_MERCHANT"]) {
      expect(kaspiStatusToMedusaAction({ status }, completed)).toEqual({
        action: "return",
        reason: `return on Kaspi: ${status}`,
        complete_first: false,
        open: true,
        receive: false,
        refund: false,
      })
    }
  })

  it("once the return is open, the next return status asks nothing more", () => {
    const opened = { ...completed, kaspiReturn: { received: false } }
    expect(kaspiStatusToMedusaAction({ status: "RETURN_ACCEPTED_BY_MERCHANT" }, opened)).toEqual({ action: "none" })
  })

  it("RETURNED: receive the open return and record the refund", () => {
    expect(kaspiStatusToMedusaAction({ status: "RETURNED" }, { ...completed, kaspiReturn: { received: false } })).toMatchObject({
      action: "return",
      open: false,
      receive: true,
      refund: true,
    })
  })

  it("RETURNED seen first (the poll missed the earlier statuses): open, receive and refund in one go", () => {
    expect(kaspiStatusToMedusaAction({ status: "RETURNED" }, completed)).toMatchObject({ action: "return", open: true, receive: true, refund: true })
  })

  it("RETURNED after a person received the return in Medusa: only the refund is left", () => {
    expect(kaspiStatusToMedusaAction({ status: "RETURNED" }, { ...completed, kaspiReturn: { received: true } })).toMatchObject({
      action: "return",
      open: false,
      receive: false,
      refund: true,
    })
  })

  it("RETURNED again, everything done and refunded: nothing (no second return, no second refund)", () => {
    const done = { ...completed, kaspiReturn: { received: true }, unrefunded: 0 }
    expect(kaspiStatusToMedusaAction({ status: "RETURNED" }, done)).toEqual({ action: "none" })
  })

  it("an order Medusa never completed is completed first (Kaspi returns only completed orders)", () => {
    expect(kaspiStatusToMedusaAction({ status: "KASPI_DELIVERY_RETURN_REQUESTED" }, { status: "pending", fulfillments: [] })).toMatchObject({
      action: "return",
      complete_first: true,
      open: true,
    })
    // not again once the return is open
    expect(
      kaspiStatusToMedusaAction({ status: "RETURNED" }, { status: "pending", fulfillments: [], kaspiReturn: { received: false }, unrefunded: 1 })
    ).toMatchObject({ complete_first: false, open: false, receive: true })
  })

  it("a return of an order cancelled in Medusa is left to a person", () => {
    expect(kaspiStatusToMedusaAction({ status: "RETURNED" }, { status: "canceled", fulfillments: [] })).toMatchObject({
      action: "record",
      reason: expect.stringContaining("canceled in Medusa"),
    })
  })
})

describe("kaspiStatusToMedusaAction: Kaspi cancels after shipping", () => {
  it("CANCELLING after shipping opens a return for the goods on their way back; nothing received, nothing refunded", () => {
    expect(kaspiStatusToMedusaAction({ status: "CANCELLING", cancellationReason: "BUYER_CANCELLATION_BY_COURIER" }, shipped)).toEqual({
      action: "return",
      reason: "Kaspi cancelled the order (BUYER_CANCELLATION_BY_COURIER) after it was shipped",
      complete_first: false,
      open: true,
      receive: false,
      refund: false,
    })
  })

  it("CANCELLED after shipping: the refund is recorded, the goods wait for a person to receive them", () => {
    expect(kaspiStatusToMedusaAction({ status: "CANCELLED" }, { ...shipped, kaspiReturn: { received: false } })).toMatchObject({
      action: "return",
      open: false,
      receive: false,
      refund: true,
    })
    expect(kaspiStatusToMedusaAction({ status: "CANCELLED" }, { ...completed, kaspiReturn: { received: true }, unrefunded: 0 })).toEqual({ action: "none" })
  })

  it("before shipping a cancellation still cancels", () => {
    expect(kaspiStatusToMedusaAction({ status: "CANCELLED" }, { status: "pending", fulfillments: [{ shipped: false, delivered: false }] })).toMatchObject({
      action: "cancel",
    })
  })
})
