import { describeLineChanges, kaspiPriceDiffers, planKaspiLines, totalsAgree, type MedusaLine } from "../kaspi-lines-plan"

const line = (id: string, quantity: number, kaspi_entry_id: string | null = `e-${id}`): MedusaLine => ({ id, title: `Item ${id}`, quantity, kaspi_entry_id })

describe("planKaspiLines", () => {
  it("lowers a line Kaspi cut and one Kaspi cancelled to 0, leaves the matching one", () => {
    const plan = planKaspiLines([line("a", 3), line("b", 1), line("c", 2)], [
      { id: "e-a", quantity: 1 },
      { id: "e-b", quantity: 0 },
      { id: "e-c", quantity: 2 },
    ])
    expect(plan.reductions).toEqual([
      { item_id: "a", kaspi_entry_id: "e-a", title: "Item a", from: 3, to: 1 },
      { item_id: "b", kaspi_entry_id: "e-b", title: "Item b", from: 1, to: 0 },
    ])
    expect(plan.increases).toEqual([])
  })

  it("an entry Kaspi no longer lists is cancelled (a.12: 0 may remove the line)", () => {
    expect(planKaspiLines([line("a", 3), line("b", 1)], [{ id: "e-a", quantity: 3 }]).reductions).toEqual([
      { item_id: "b", kaspi_entry_id: "e-b", title: "Item b", from: 1, to: 0 },
    ])
  })

  it("nothing to do when Medusa already follows (e.g. the merchant's own cancel_entry reduced it)", () => {
    expect(planKaspiLines([line("a", 1), line("b", 0)], [{ id: "e-a", quantity: 1 }, { id: "e-b", quantity: 0 }])).toEqual({ reductions: [], increases: [] })
  })

  it("a raised quantity and a line Medusa has none of are for a person, never applied", () => {
    const plan = planKaspiLines([line("a", 1), line("b", 2)], [
      { id: "e-a", quantity: 2 },
      { id: "e-b", quantity: 1 },
      { id: "e-new", quantity: 1 },
      { id: "e-zero", quantity: 0 },
    ])
    expect(plan.reductions).toEqual([{ item_id: "b", kaspi_entry_id: "e-b", title: "Item b", from: 2, to: 1 }])
    expect(plan.increases).toEqual([
      { item_id: "a", kaspi_entry_id: "e-a", title: "Item a", medusa_quantity: 1, kaspi_quantity: 2 },
      { item_id: null, kaspi_entry_id: "e-new", title: null, medusa_quantity: 0, kaspi_quantity: 1 },
    ])
  })

  it("lines added in Medusa (no Kaspi entry) are left alone", () => {
    expect(planKaspiLines([line("gift", 1, null), line("a", 1)], [{ id: "e-a", quantity: 1 }])).toEqual({ reductions: [], increases: [] })
  })
})

describe("totals", () => {
  it("agree within a tiyn", () => {
    expect(totalsAgree(7000, 7000.004)).toBe(true)
    expect(totalsAgree(7000, 6999)).toBe(false)
  })

  it("a price change is a total that differs while every quantity follows Kaspi", () => {
    const none = { reductions: [], increases: [] }
    expect(kaspiPriceDiffers(none, 6500, 7000)).toBe(true)
    expect(kaspiPriceDiffers(none, 7000, 7000)).toBe(false)
    const raised = planKaspiLines([line("a", 1)], [{ id: "e-a", quantity: 2 }])
    expect(kaspiPriceDiffers(raised, 7000, 3500)).toBe(false)
  })

  it("describes the changes in one line", () => {
    expect(describeLineChanges([{ title: "Чехол", from: 3, to: 1 }, { title: null, from: 0, to: 1 }])).toBe("Чехол 3 → 1, ? 0 → 1")
  })
})
