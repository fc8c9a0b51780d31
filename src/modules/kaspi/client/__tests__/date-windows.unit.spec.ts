import fc from "fast-check"
import { splitIntoWindows, KASPI_MAX_WINDOW_MS, KASPI_WINDOW_MS, KASPI_WINDOW_OVERLAP_MS, DAY_MS } from "../date-windows"

/** Almaty calendar day (UTC+5 since 2024-03-01, API.md a.0) of an instant. */
const almatyDay = (ms: number) => Math.floor((ms + 5 * 3_600_000) / DAY_MS)

describe("splitIntoWindows", () => {
  it("keeps a short range whole", () => {
    expect(splitIntoWindows(1000, 5000)).toEqual([{ from: 1000, to: 5000 }])
  })

  it("asks for 13-day windows that overlap by an hour", () => {
    const from = Date.UTC(2026, 0, 1)
    const windows = splitIntoWindows(from, from + 30 * DAY_MS)
    expect(windows).toHaveLength(3)
    expect(windows[0]).toEqual({ from, to: from + KASPI_WINDOW_MS - 1 })
    expect(windows[1].from).toBe(windows[0].to + 1 - KASPI_WINDOW_OVERLAP_MS)
    expect(windows[2].to).toBe(from + 30 * DAY_MS)
  })

  it("every default window is within 14 days under every reading: ms, and Almaty calendar days counted inclusively", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1.7e12, max: 1.9e12 }), fc.integer({ min: 0, max: 60 * DAY_MS }), (from, length) => {
        for (const w of splitIntoWindows(from, from + length)) {
          expect(w.to - w.from).toBeLessThan(KASPI_MAX_WINDOW_MS)
          expect(almatyDay(w.to) - almatyDay(w.from) + 1).toBeLessThanOrEqual(14)
        }
      }),
      { numRuns: 300 }
    )
  })

  it("returns nothing for an inverted range and refuses non-finite bounds or a wrong shape", () => {
    expect(splitIntoWindows(10, 5)).toEqual([])
    expect(() => splitIntoWindows(NaN, 5)).toThrow(RangeError)
    expect(() => splitIntoWindows(0, 5, { maxMs: 0, overlapMs: 0 })).toThrow(RangeError)
    expect(() => splitIntoWindows(0, 5, { maxMs: 10, overlapMs: 5 })).toThrow(RangeError)
  })

  it("covers every millisecond, each window within the limit, each overlapping the one before by the overlap (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 0, max: 120 * DAY_MS }),
        fc.integer({ min: DAY_MS / 24, max: 20 * DAY_MS }), // ≥ 1 h keeps the count of windows small
        fc.integer({ min: 0, max: DAY_MS / 48 }),
        (from, length, maxMs, overlapMs) => {
          const to = from + length
          const w = splitIntoWindows(from, to, { maxMs, overlapMs })
          expect(w[0].from).toBe(from)
          expect(w[w.length - 1].to).toBe(to)
          for (let i = 0; i < w.length; i++) {
            expect(w[i].to - w[i].from).toBeLessThan(maxMs)
            expect(w[i].to).toBeGreaterThanOrEqual(w[i].from)
            if (i > 0) expect(w[i].from).toBe(w[i - 1].to + 1 - overlapMs)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
