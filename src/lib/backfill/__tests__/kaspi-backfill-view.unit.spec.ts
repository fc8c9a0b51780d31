import { toKaspiBackfillView, type KaspiBackfillLike } from "../kaspi-backfill-view"

const row = (patch: Partial<KaspiBackfillLike> = {}): KaspiBackfillLike => ({
  id: "kbf_1",
  account_id: "default",
  range_from: "2026-01-01T00:00:00.000Z",
  range_to: "2026-02-10T00:00:00.000Z",
  states: ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"],
  status: "running",
  windows_total: 4,
  windows_done: 0,
  state_index: 0,
  orders_seen: 0,
  orders_imported: 0,
  orders_needs_attention: 0,
  orders_failed: 0,
  current_window_from: null,
  current_window_to: null,
  started_at: "2026-02-10T00:00:00.000Z",
  finished_at: null,
  error: null,
  ...patch,
})

describe("toKaspiBackfillView", () => {
  it("counts finished windows and the share of the current window's states already read", () => {
    expect(toKaspiBackfillView(row()).progress).toBe(0)
    expect(toKaspiBackfillView(row({ windows_done: 1 })).progress).toBe(0.25)
    expect(toKaspiBackfillView(row({ windows_done: 1, state_index: 3 })).progress).toBeCloseTo(1.5 / 4)
    expect(toKaspiBackfillView(row({ status: "done", windows_done: 4 })).progress).toBe(1)
  })

  it("shows the range as from/to and the current window, and no lease", () => {
    const view = toKaspiBackfillView(
      row({ current_window_from: "2026-01-13T23:00:00.000Z", current_window_to: "2026-01-26T22:59:59.999Z" })
    )
    expect(view.from.toISOString()).toBe("2026-01-01T00:00:00.000Z")
    expect(view.current_window?.from.toISOString()).toBe("2026-01-13T23:00:00.000Z")
    expect(view).not.toHaveProperty("lease_owner")
    expect(view).not.toHaveProperty("range_from")
  })

  it("never reports more than all of it, even when the window count shrank", () => {
    expect(toKaspiBackfillView(row({ windows_total: 2, windows_done: 3 })).progress).toBe(1)
    expect(toKaspiBackfillView(row({ windows_total: 0 })).progress).toBe(0)
  })
})
