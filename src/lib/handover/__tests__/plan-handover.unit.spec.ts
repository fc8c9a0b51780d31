import { planHandover, type HandoverCandidate } from "../plan-handover"
import { HANDOVER_LAYOUTS } from "../layouts"
import { paginateSheet, SHEET_GEOMETRY } from "../sheet-layout"

const HOUR = 3_600_000
const T0 = Date.UTC(2026, 11, 5, 4) // 09:00 in Almaty

function order(code: string, over: Partial<HandoverCandidate> = {}): HandoverCandidate {
  return {
    kaspi_order_id: `kord_${code}`,
    code,
    found: true,
    kaspi_delivery: true,
    active: true,
    assembled: true,
    packages: 1,
    city: "Алматы",
    courier_window_from: T0,
    courier_window_to: T0 + 24 * HOUR,
    waybill: { pages: 1 },
    ...over,
  }
}

describe("planHandover", () => {
  it("puts one waybill per page on a4-1 and thermal-80, four per page on a4-4", () => {
    const five = ["1", "2", "3", "4", "5"].map((c) => order(c))
    expect(planHandover(five, "a4-1").waybill_pages).toHaveLength(5)
    expect(planHandover(five, "thermal-80").waybill_pages).toHaveLength(5)
    const grid = planHandover(five, "a4-4")
    expect(grid.waybill_pages.map((p) => p.map((c) => c.cell))).toEqual([[0, 1, 2, 3], [0]])
    expect(grid.pages).toBe(2 + grid.sheet_pages.length)
  })

  it("places every page of a multi-page waybill in its own cell, in page order", () => {
    const plan = planHandover([order("1", { waybill: { pages: 3 } }), order("2")], "a4-4")
    expect(plan.waybill_pages[0]).toEqual([
      { row: 0, waybill_page: 0, cell: 0 },
      { row: 0, waybill_page: 1, cell: 1 },
      { row: 0, waybill_page: 2, cell: 2 },
      { row: 1, waybill_page: 0, cell: 3 },
    ])
    expect(planHandover([order("1", { waybill: { pages: 3 } })], "a4-1").waybill_pages).toHaveLength(3)
  })

  it("orders by courier window, then by code, orders without a window last", () => {
    const plan = planHandover(
      [
        order("300", { courier_window_from: T0 + 2 * HOUR }),
        order("200", { courier_window_from: null }),
        order("120", { courier_window_from: T0 }),
        order("110", { courier_window_from: T0 }),
      ],
      "a4-1"
    )
    expect(plan.rows.map((r) => r.code)).toEqual(["110", "120", "300", "200"])
    expect(plan.waybill_pages.map((p) => plan.rows[p[0].row].code)).toEqual(["110", "120", "300", "200"])
  })

  it("lists every order it does not print with its reason, never drops one", () => {
    const selected = [
      order("1"),
      order("2", { kaspi_delivery: false }),
      order("3", { assembled: false }),
      order("4", { waybill: "not_issued" }),
      order("5", { waybill: "unreadable" }),
      order("6", { waybill: { pages: 0 } }),
      order("7", { found: false }),
      order("8", { active: false }),
    ]
    const plan = planHandover(selected, "a4-4")
    expect(plan.rows.map((r) => r.code)).toEqual(["1"])
    expect(plan.left_out).toEqual([
      { kaspi_order_id: "kord_2", code: "2", reason: "not_kaspi_delivery" },
      { kaspi_order_id: "kord_3", code: "3", reason: "not_assembled" },
      { kaspi_order_id: "kord_4", code: "4", reason: "waybill_not_issued" },
      { kaspi_order_id: "kord_5", code: "5", reason: "waybill_unreadable" },
      { kaspi_order_id: "kord_6", code: "6", reason: "waybill_unreadable" },
      { kaspi_order_id: "kord_7", code: "7", reason: "not_found" },
      { kaspi_order_id: "kord_8", code: "8", reason: "not_active" },
    ])
    for (const layout of HANDOVER_LAYOUTS) {
      const p = planHandover(selected, layout)
      expect(p.rows.length + p.left_out.length).toBe(selected.length)
    }
  })

  it("still prints a sheet when nothing can be printed, so the left-out orders are on paper", () => {
    const plan = planHandover([order("1", { waybill: "not_issued" })], "a4-1")
    expect(plan.waybill_pages).toEqual([])
    expect(plan.pages).toBe(1)
    expect(plan.sheet_pages[0].map((i) => i.kind)).toEqual(["title", "table_head", "left_out_head", "left_out", "signatures"])
  })

  it("cuts a long A4 sheet into pages, repeating the table head; a roll stays one page", () => {
    const pages = paginateSheet(120, 3, SHEET_GEOMETRY["a4-1"])
    expect(pages.length).toBeGreaterThan(2)
    const rows = pages.flat().filter((i) => i.kind === "row")
    expect(rows).toHaveLength(120)
    for (const page of pages.slice(1)) if (page[0]) expect(["table_head", "left_out_head", "left_out", "signatures"]).toContain(page[0].kind)
    expect(paginateSheet(120, 3, SHEET_GEOMETRY["thermal-80"])).toHaveLength(1)
  })
})
