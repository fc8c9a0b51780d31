import { cancellationShare, cancellationWindowStart } from "../cancellation-share"

describe("cancellationShare: the last 30 days against Kaspi's 3% / 5% thresholds", () => {
  it("is 0 and ok without orders", () => {
    expect(cancellationShare({ total: 0, merchant: 0, kaspi: 0 })).toMatchObject({ cancelled: 0, share: 0, level: "ok" })
  })

  it("adds merchant and Kaspi-side cancellations", () => {
    const r = cancellationShare({ total: 200, merchant: 2, kaspi: 1 })
    expect(r).toMatchObject({ cancelled: 3, share: 0.015, level: "ok", warning_share: 0.03, penalty_share: 0.05, window_days: 30 })
  })

  it("warns from 3% and up to 5% included", () => {
    expect(cancellationShare({ total: 100, merchant: 2, kaspi: 0 }).level).toBe("ok")
    expect(cancellationShare({ total: 100, merchant: 3, kaspi: 0 }).level).toBe("warning")
    expect(cancellationShare({ total: 100, merchant: 4, kaspi: 1 }).level).toBe("warning")
  })

  it("is a penalty above 5%", () => {
    expect(cancellationShare({ total: 100, merchant: 5, kaspi: 1 })).toMatchObject({ share: 0.06, level: "penalty" })
    expect(cancellationShare({ total: 1, merchant: 0, kaspi: 1 })).toMatchObject({ share: 1, level: "penalty" })
  })

  it("counts Kaspi-side cancellations against the shop too", () => {
    expect(cancellationShare({ total: 50, merchant: 0, kaspi: 2 }).level).toBe("warning")
  })

  it("starts the window 30 days back", () => {
    expect(cancellationWindowStart(new Date("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-10-31T00:00:00.000Z")
  })
})
