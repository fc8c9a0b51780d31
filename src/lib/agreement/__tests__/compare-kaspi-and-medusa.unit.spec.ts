import { compareKaspiAndMedusa, describeDifferences, type KaspiSideOfOrder, type MedusaSideOfOrder } from "../compare-kaspi-and-medusa"

/** CASE ×2 at 3500 and CABLE ×1 at 1500: 8500 ₸, accepted, paid, reserved. */
const kaspiSide = (over: Partial<KaspiSideOfOrder> = {}): KaspiSideOfOrder => ({
  status: "ACCEPTED_BY_MERCHANT",
  total: 8500,
  entries: [
    { id: "e1", quantity: 2 },
    { id: "e2", quantity: 1 },
  ],
  ...over,
})

const medusaSide = (over: Partial<MedusaSideOfOrder> = {}): MedusaSideOfOrder => ({
  status: "pending",
  total: 8500,
  items: [
    { id: "li1", title: "Чехол", quantity: 2, kaspi_entry_id: "e1", inventory: [{ inventory_item_id: "ii1", required_quantity: 1, reserved: 2 }] },
    { id: "li2", title: "Кабель", quantity: 1, kaspi_entry_id: "e2", inventory: [{ inventory_item_id: "ii2", required_quantity: 1, reserved: 1 }] },
  ],
  fulfillments: [],
  kaspi_return: null,
  payment: { captured: 8500, refunded: 0 },
  pending_actions: [],
  ...over,
})

describe("compareKaspiAndMedusa", () => {
  it("an order both sides agree on has no differences", () => {
    expect(compareKaspiAndMedusa(kaspiSide(), medusaSide())).toEqual([])
  })

  it("Kaspi cancelled, Medusa not: the status follows (and the money is not judged before it does)", () => {
    const d = compareKaspiAndMedusa(kaspiSide({ status: "CANCELLED", cancellation_reason: "BUYER_CANCELLATION_HIMSELF" }), medusaSide())
    expect(d).toEqual([
      expect.objectContaining({ field: "status", kaspi: "CANCELLED", medusa: "pending", repair: "status_follow", text: expect.objectContaining({ code: "reconcile.status_follow" }) }),
    ])
    expect(d[0].reason).toMatch(/BUYER_CANCELLATION_HIMSELF/)
  })

  it("Kaspi completed, Medusa not: the status follows", () => {
    expect(compareKaspiAndMedusa(kaspiSide({ status: "COMPLETED" }), medusaSide())).toEqual([
      expect.objectContaining({ field: "status", repair: "status_follow" }),
    ])
  })

  it("Medusa cancelled while Kaspi is active: a person, unless the cancel is still on its way to Kaspi", () => {
    const cancelled = medusaSide({ status: "canceled", payment: { captured: 8500, refunded: 8500 } })
    expect(compareKaspiAndMedusa(kaspiSide(), cancelled)).toEqual([
      expect.objectContaining({ field: "status", kaspi: "ACCEPTED_BY_MERCHANT", medusa: "canceled", repair: null }),
    ])
    expect(compareKaspiAndMedusa(kaspiSide(), { ...cancelled, pending_actions: ["cancel"] })).toEqual([])
  })

  it("a line Kaspi cut: lines follow; the total is not judged apart (the lines explain it)", () => {
    const d = compareKaspiAndMedusa(kaspiSide({ total: 5000, entries: [{ id: "e1", quantity: 1 }, { id: "e2", quantity: 1 }] }), medusaSide())
    expect(d).toEqual([expect.objectContaining({ field: "lines", kaspi: 2, medusa: 3, repair: "lines_follow" })])
    expect(d[0].reason).toMatch(/Чехол 2 → 1/)
  })

  it("Medusa lower than Kaspi (edited by hand): a person", () => {
    const m = medusaSide()
    m.items[0] = { ...m.items[0], quantity: 1, inventory: [{ inventory_item_id: "ii1", required_quantity: 1, reserved: 1 }] }
    expect(compareKaspiAndMedusa(kaspiSide(), { ...m, total: 5000 })).toEqual([expect.objectContaining({ field: "lines", repair: null })])
  })

  it("a cut on a completed Medusa order cannot be followed", () => {
    const d = compareKaspiAndMedusa(kaspiSide({ status: "COMPLETED", entries: [{ id: "e1", quantity: 1 }, { id: "e2", quantity: 1 }] }), medusaSide({ status: "completed" }))
    expect(d).toEqual([expect.objectContaining({ field: "lines", repair: null })])
  })

  it("the same lines but another total: a person", () => {
    expect(compareKaspiAndMedusa(kaspiSide({ total: 9000 }), medusaSide())).toEqual([
      expect.objectContaining({ field: "total", kaspi: 9000, medusa: 8500, repair: null }),
      // the money follows Kaspi's total, so the payment differs too
      expect.objectContaining({ field: "payment", kaspi: 9000, medusa: 8500 }),
    ])
  })

  it("a missing or an extra reservation on an open, unfulfilled order: a person", () => {
    const m = medusaSide()
    m.items[0] = { ...m.items[0], inventory: [{ inventory_item_id: "ii1", required_quantity: 1, reserved: 0 }] }
    m.items[1] = { ...m.items[1], inventory: [{ inventory_item_id: "ii2", required_quantity: 2, reserved: 3 }] }
    const [d] = compareKaspiAndMedusa(kaspiSide(), m)
    expect(d).toMatchObject({ field: "reservations", kaspi: 4, medusa: 3, repair: null })
    expect(d.reason).toMatch(/Чехол: 0 reserved of 2, Кабель: 3 reserved of 2/)
    // once fulfilled, the reservation is consumed: not checked
    expect(compareKaspiAndMedusa(kaspiSide(), { ...m, fulfillments: [{ shipped: false, delivered: false }] })).toEqual([])
  })

  it("a variant whose inventory Medusa does not manage has nothing to reserve", () => {
    const m = medusaSide({ items: medusaSide().items.map((i) => ({ ...i, inventory: [] })) })
    expect(compareKaspiAndMedusa(kaspiSide(), m)).toEqual([])
  })

  it("captured payment not Kaspi's total plus refunds: a person", () => {
    expect(compareKaspiAndMedusa(kaspiSide(), medusaSide({ payment: { captured: 0, refunded: 0 } }))).toEqual([
      expect.objectContaining({ field: "payment", kaspi: 8500, medusa: 0, repair: null }),
    ])
    // a line cut refunded the difference: captured 8500 = Kaspi's 5000 + 3500 refunded
    const cut = medusaSide({ total: 5000, payment: { captured: 8500, refunded: 3500 } })
    cut.items[0] = { ...cut.items[0], quantity: 1, inventory: [{ inventory_item_id: "ii1", required_quantity: 1, reserved: 1 }] }
    expect(compareKaspiAndMedusa(kaspiSide({ total: 5000, entries: [{ id: "e1", quantity: 1 }, { id: "e2", quantity: 1 }] }), cut)).toEqual([])
  })

  it("cancelled on both sides with the money still held in Medusa: a refunds difference", () => {
    const d = compareKaspiAndMedusa(kaspiSide({ status: "CANCELLED" }), medusaSide({ status: "canceled", payment: { captured: 8500, refunded: 0 } }))
    expect(d).toEqual([expect.objectContaining({ field: "refunds", medusa: 8500, repair: null })])
    expect(compareKaspiAndMedusa(kaspiSide({ status: "CANCELLED" }), medusaSide({ status: "canceled", payment: { captured: 8500, refunded: 8500 } }))).toEqual([])
  })

  it("a status the plugin does not know: a person", () => {
    expect(compareKaspiAndMedusa(kaspiSide({ status: "SOMETHING_NEW" }), medusaSide())).toEqual([
      expect.objectContaining({ field: "status", repair: null, text: expect.objectContaining({ code: "reconcile.status_attention" }) }),
    ])
  })

  it("describeDifferences joins the reasons", () => {
    const d = compareKaspiAndMedusa(kaspiSide({ total: 9000 }), medusaSide())
    expect(describeDifferences(d)).toBe(`${d[0].reason}; ${d[1].reason}`)
  })
})
