/**
 * Kaspi's dates are Almaty time (API.md a.0). The offset comes from the
 * runtime's time-zone data, not a constant: Kazakhstan moved from UTC+6 to
 * UTC+5 on 2024-03-01, and a constant would be wrong on one side of it.
 */
const ZONE = "Asia/Almaty"

function offsetMs(at: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "longOffset" })
    .formatToParts(new Date(at))
    .find((p) => p.type === "timeZoneName")?.value
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "")
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0
}

/** [from, to) in epoch ms of an Almaty calendar day "YYYY-MM-DD". */
export function almatyDay(day: string): { from: number; to: number } {
  const [y, m, d] = day.split("-").map(Number)
  const midnightUtc = Date.UTC(y, m - 1, d)
  const from = midnightUtc - offsetMs(midnightUtc + 12 * 3_600_000)
  const to = Date.UTC(y, m - 1, d + 1) - offsetMs(Date.UTC(y, m - 1, d + 1, 12))
  return { from, to }
}

/** "YYYY-MM-DD" of an instant in Almaty. */
export function almatyDate(at: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at))
}

/** "05.12 09:00", Almaty time: what the sheet prints for a courier window. */
export function almatyDateTime(at: number): string {
  const parts = new Intl.DateTimeFormat("ru-RU", { timeZone: ZONE, day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).formatToParts(new Date(at))
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ""
  return `${get("day")}.${get("month")} ${get("hour")}:${get("minute")}`
}
