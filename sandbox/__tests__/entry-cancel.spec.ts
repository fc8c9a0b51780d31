// Pure unit tests of the partial-cancellation rules.

import { ENTRY_CANCEL_TITLES, checkOrderAllowsEntryCancel, planEntryCancel } from "../entry-cancel"
import type { SandboxEntry } from "../types"

const entry = (o: Partial<SandboxEntry> = {}): SandboxEntry => ({
  id: "x",
  entryNumber: 0,
  sku: "SKU",
  name: "Товар",
  productCode: "100",
  manufacturer: null,
  unitType: "PIECES",
  quantity: 3,
  basePrice: 1000,
  totalPrice: 3000,
  weight: 0,
  minAllowedWeight: null,
  category: { code: "Master - X", title: "X" },
  deliveryCost: 0,
  isImeiRequired: false,
  storeId: "PP1",
  imei: [],
  ...o,
})
const weighted = entry({ unitType: "MEASURABLE_PIECES", quantity: 2, basePrice: 1560, weight: 3800, totalPrice: 5928, minAllowedWeight: 3420 })

describe("planEntryCancel", () => {
  it("keeps remainedQuantity and recalculates the line", () => {
    expect(planEntryCancel(entry(), { remainedQuantity: 1, reason: "MERCHANT_OUT_OF_STOCK" }, { allowUnderweight: false })).toEqual({
      ok: true,
      reason: "MERCHANT_OUT_OF_STOCK",
      plan: { remove: false, quantity: 1, weight: 0, totalPrice: 1000 },
    })
  })
  it("removes the line at 0", () => {
    expect(planEntryCancel(entry(), { remainedQuantity: 0, reason: "BUYER_NOT_REACHABLE" }, { allowUnderweight: false })).toMatchObject({ ok: true, plan: { remove: true } })
  })
  it("scales weighted lines by quantity", () => {
    const d = planEntryCancel(weighted, { remainedQuantity: 1, reason: "MERCHANT_OUT_OF_STOCK" }, { allowUnderweight: false })
    expect(d).toMatchObject({ ok: true, plan: { quantity: 1, weight: 1900, totalPrice: Math.round(1560 * 1.9) } })
  })
  it.each([
    [{ remainedQuantity: 3, reason: "MERCHANT_OUT_OF_STOCK" }, ENTRY_CANCEL_TITLES.quantityTooLarge],
    [{ remainedQuantity: 5, reason: "MERCHANT_OUT_OF_STOCK" }, ENTRY_CANCEL_TITLES.quantityTooLarge],
    [{ remainedQuantity: -1, reason: "MERCHANT_OUT_OF_STOCK" }, ENTRY_CANCEL_TITLES.quantityNegative],
    [{ remainedQuantity: 1.5, reason: "MERCHANT_OUT_OF_STOCK" }, ENTRY_CANCEL_TITLES.quantityNotInteger],
    [{ reason: "MERCHANT_OUT_OF_STOCK" }, ENTRY_CANCEL_TITLES.quantityRequired],
    [{ remainedQuantity: 1 }, ENTRY_CANCEL_TITLES.reasonRequired],
    [{ remainedQuantity: 1, reason: "BUYER_CANCELLATION_HIMSELF" }, ENTRY_CANCEL_TITLES.reasonNotAllowed],
    [{ remainedQuantity: 1, remainedWeight: 100, reason: "PRODUCT_UNDERWEIGHT" }, ENTRY_CANCEL_TITLES.reasonNotAllowed],
  ])("refuses %j", (req, title) => {
    expect(planEntryCancel(entry(), req, { allowUnderweight: false })).toMatchObject({ ok: false, title })
  })
  it("PRODUCT_UNDERWEIGHT sets the weight of weighted goods only", () => {
    expect(planEntryCancel(weighted, { remainedWeight: 3000, reason: "PRODUCT_UNDERWEIGHT" }, { allowUnderweight: true })).toMatchObject({
      ok: true,
      plan: { remove: false, quantity: 2, weight: 3000, totalPrice: 4680 },
    })
    expect(planEntryCancel(entry(), { remainedWeight: 10, reason: "PRODUCT_UNDERWEIGHT" }, { allowUnderweight: true })).toMatchObject({
      ok: false,
      title: ENTRY_CANCEL_TITLES.underweightNotWeighted,
    })
    expect(planEntryCancel(weighted, { reason: "PRODUCT_UNDERWEIGHT" }, { allowUnderweight: true })).toMatchObject({ ok: false, title: ENTRY_CANCEL_TITLES.weightRequired })
    expect(planEntryCancel(weighted, { remainedWeight: 3800, reason: "PRODUCT_UNDERWEIGHT" }, { allowUnderweight: true })).toMatchObject({ ok: false, title: ENTRY_CANCEL_TITLES.weightInvalid })
  })
  it("is only for active, unassembled orders", () => {
    expect(checkOrderAllowsEntryCancel("APPROVED_BY_BANK", false)).toEqual({ ok: true })
    expect(checkOrderAllowsEntryCancel("ACCEPTED_BY_MERCHANT", false)).toEqual({ ok: true })
    expect(checkOrderAllowsEntryCancel("ACCEPTED_BY_MERCHANT", true)).toMatchObject({ ok: false, title: ENTRY_CANCEL_TITLES.orderAssembled })
    expect(checkOrderAllowsEntryCancel("COMPLETED", false)).toMatchObject({ ok: false, title: ENTRY_CANCEL_TITLES.orderNotActive })
  })
})
