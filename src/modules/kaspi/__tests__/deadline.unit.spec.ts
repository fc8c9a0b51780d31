import { kaspiOrderDeadline } from "../deadline"

const T = Date.parse("2026-12-05T10:00:00Z")
const min = 60_000

describe("kaspiOrderDeadline", () => {
  it("an order waiting for acceptance is due acceptWithinMinutes after the bank approved it (its creation, if no approval time)", () => {
    const approved = { status: "APPROVED_BY_BANK", kaspi_created_at: new Date(T - 30 * min), kaspi_approved_at: new Date(T) }
    expect(kaspiOrderDeadline(approved, 60)).toEqual({ kind: "accept", due_at: new Date(T + 60 * min) })
    expect(kaspiOrderDeadline({ ...approved, kaspi_approved_at: null }, 45)).toEqual({ kind: "accept", due_at: new Date(T + 15 * min) })
    // Dates as JSON strings (the admin's copy) give the same answer.
    expect(kaspiOrderDeadline({ status: "APPROVED_BY_BANK", kaspi_created_at: new Date(T).toISOString() }, 60)?.due_at).toEqual(new Date(T + 60 * min))
  })

  it("an accepted order is due at the courier's planned pick-up, else its planned delivery, until the courier took it", () => {
    const accepted = {
      status: "ACCEPTED_BY_MERCHANT",
      kaspi_created_at: new Date(T),
      planned_delivery_at: new Date(T + 48 * 60 * min),
      courier_planned_at: new Date(T + 24 * 60 * min),
    }
    expect(kaspiOrderDeadline(accepted, 60)).toEqual({ kind: "handover", due_at: new Date(T + 24 * 60 * min) })
    expect(kaspiOrderDeadline({ ...accepted, courier_planned_at: null }, 60)).toEqual({ kind: "handover", due_at: new Date(T + 48 * 60 * min) })
    expect(kaspiOrderDeadline({ ...accepted, courier_handed_at: new Date(T + 20 * 60 * min) }, 60)).toBeNull()
    // A pickup order with no planned date has nothing to beat.
    expect(kaspiOrderDeadline({ status: "ACCEPTED_BY_MERCHANT", kaspi_created_at: new Date(T), planned_delivery_at: null }, 60)).toBeNull()
  })

  it("finished, cancelled, returned and unknown statuses have none", () => {
    for (const status of ["COMPLETED", "CANCELLED", "CANCELLING", "KASPI_DELIVERY_RETURN_REQUESTED", "RETURNED", "SOMETHING_NEW"]) {
      expect(kaspiOrderDeadline({ status, kaspi_created_at: new Date(T), planned_delivery_at: new Date(T) }, 60)).toBeNull()
    }
  })
})
