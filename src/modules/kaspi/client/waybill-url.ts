/**
 * Kaspi's waybill link (kaspiDelivery.waybill: "https://kaspi.kz/shop/api/waybill/…", API.md a.1 and a.11) is shown as a link in
 * the admin and copied into the fulfilment's tracking_url, so a forged value
 * (`javascript:…`, a look-alike host) would be script in the admin or a
 * phishing link. Only what Kaspi itself serves is kept: `https:` on kaspi.kz or
 * one of its subdomains, or the exact origin of the configured apiUrl (the
 * sandbox in tests, a Kaspi-compatible server the merchant chose). Anything
 * else is dropped, never the whole order.
 */

const KASPI_HOST = /(^|\.)kaspi\.kz$/i

export type WaybillUrlCheck = { ok: true; url: string } | { ok: false; reason: string }

export function checkWaybillUrl(value: string, apiUrl?: string): WaybillUrlCheck {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, reason: "not an absolute URL" }
  }
  if (url.username || url.password) return { ok: false, reason: "carries credentials" }
  if (url.protocol === "https:" && KASPI_HOST.test(url.hostname)) return { ok: true, url: value }
  const api = apiUrl ? safeUrl(apiUrl) : null
  if (api && (url.protocol === "https:" || url.protocol === "http:") && url.origin === api.origin) {
    return { ok: true, url: value }
  }
  return { ok: false, reason: `${url.protocol} on ${url.host || "no host"} is neither https on kaspi.kz nor the configured API` }
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}
