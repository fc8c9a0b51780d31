import { useEffect, useState } from "react"

export type CountdownTone = "overdue" | "soon" | "later"

const MIN = 60_000

/**
 * "in 12 minutes" / "5 minutes ago" in the admin's language (Intl), in
 * minutes under an hour and a half, hours under two days, then days; and how urgent:
 * past, within `soonMinutes` (the warning's lead time), or later.
 */
export function countdown(dueAt: string | Date, now: number, locale: string, soonMinutes: number): { text: string; tone: CountdownTone } {
  const diff = new Date(dueAt).getTime() - now
  const abs = Math.abs(diff)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  const sign = diff < 0 ? -1 : 1
  const text =
    abs < 90 * MIN
      ? rtf.format(sign * Math.max(1, Math.round(abs / MIN)), "minute")
      : abs < 48 * 60 * MIN
        ? rtf.format(sign * Math.round(abs / (60 * MIN)), "hour")
        : rtf.format(sign * Math.round(abs / (24 * 60 * MIN)), "day")
  return { text, tone: diff < 0 ? "overdue" : diff <= soonMinutes * MIN ? "soon" : "later" }
}

/** The current time, ticking every `everyMs`, so a countdown moves on its own. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(id)
  }, [everyMs])
  return now
}
