import { BlockList, isIP } from "node:net"

/**
 * Kaspi downloads a card's images itself (API.md a.14: "downloadable, redirects
 * ok"), so each must be an absolute http(s) URL on the public internet. A
 * relative path (Medusa's local file provider), a private or loopback address
 * or a URL with credentials would only fail later in Kaspi's moderation: they
 * are refused here, with the reason.
 */
const PRIVATE = new BlockList()
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv4")
}
for (const [net, prefix] of [
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv6")
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|lan|home|localdomain)$/i

export type ImageUrlCheck = { ok: true; url: string } | { ok: false; reason: string }

export function checkCardImageUrl(raw: string): ImageUrlCheck {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return { ok: false, reason: "not an absolute URL: Kaspi downloads the image itself, so it needs the full public address" }
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return { ok: false, reason: `not an http(s) URL (${u.protocol})` }
  if (u.username || u.password) return { ok: false, reason: "the URL carries a user name or password" }
  const host = u.hostname.replace(/^\[|\]$/g, "")
  const family = isIP(host)
  if (family && PRIVATE.check(host, family === 6 ? "ipv6" : "ipv4")) return { ok: false, reason: `${host} is a private or local address Kaspi cannot reach` }
  if (!family && (LOCAL_NAMES.test(host) || !host.includes("."))) return { ok: false, reason: `${host} is a local name Kaspi cannot reach` }
  return { ok: true, url: u.toString() }
}
