import fc from "fast-check"
import { splitIntoWindows, KASPI_MAX_WINDOW_MS, DAY_MS } from "../date-windows"

describe("splitIntoWindows", () => {
  it("keeps a short range whole", () => {
    expect(splitIntoWindows(1000, 5000)).toEqual([{ from: 1000, to: 5000 }])
  })

  it("splits 30 days into three windows of at most 14 days", () => {
    const from = Date.UTC(2026, 0, 1)
    const windows = splitIntoWindows(from, from + 30 * DAY_MS)
    expect(windows).toHaveLength(3)
    expect(windows[0]).toEqual({ from, to: from + KASPI_MAX_WINDOW_MS - 1 })
    expect(windows[2].to).toBe(from + 30 * DAY_MS)
  })

  it("returns nothing for an inverted range and refuses non-finite bounds", () => {
    expect(splitIntoWindows(10, 5)).toEqual([])
    expect(() => splitIntoWindows(NaN, 5)).toThrow(RangeError)
  })

  it("covers every millisecond exactly once, each window within the limit (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 0, max: 120 * DAY_MS }),
        fc.integer({ min: DAY_MS / 24, max: 20 * DAY_MS }), // ≥ 1 h keeps the count of windows small
        (from, length, max) => {
          const to = from + length
          const w = splitIntoWindows(from, to, max)
          expect(w[0].from).toBe(from)
          expect(w[w.length - 1].to).toBe(to)
          for (let i = 0; i < w.length; i++) {
            expect(w[i].to - w[i].from).toBeLessThan(max)
            expect(w[i].to).toBeGreaterThanOrEqual(w[i].from)
            if (i > 0) expect(w[i].from).toBe(w[i - 1].to + 1)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
