/** Formatting in the admin user's language. */

export function formatDateTime(value: string | number | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === "") return "—"
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return "—"
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d)
}

export function formatDate(value: string | number | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === "") return "—"
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return "—"
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d)
}

/** Tenge: Kaspi prices are whole KZT. */
export function formatTenge(value: number | string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === "") return "—"
  const n = Number(value)
  if (!Number.isFinite(n)) return String(value)
  return new Intl.NumberFormat(locale, { style: "currency", currency: "KZT", currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 }).format(n)
}

export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share)
}

export function formatBytes(bytes: number | null | undefined): string {
  if (!bytes && bytes !== 0) return "—"
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function formatDuration(ms: number | null | undefined): string {
  if (!ms && ms !== 0) return "—"
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** Midnight today in the browser's time zone, as ISO: "imported today" means the user's today. */
export function startOfToday(): string {
  const d = new Date()
  d.setHours(0, 0, 0, 0)
  return d.toISOString()
}

/** A day from a date input ("2024-05-01") as its first millisecond in the browser's time zone, as ISO. */
export const startOfDay = (day: string): string => new Date(`${day}T00:00:00`).toISOString()

/** A day from a date input as its last millisecond in the browser's time zone, as ISO. */
export const endOfDay = (day: string): string => new Date(`${day}T23:59:59.999`).toISOString()

/** A list's "created from / to" filter days as the instants the API compares with: whole days in the user's time zone. */
export function createdBetween(days: { created_from: string; created_to: string }) {
  return {
    created_from: days.created_from ? startOfDay(days.created_from) : "",
    created_to: days.created_to ? endOfDay(days.created_to) : "",
  }
}
