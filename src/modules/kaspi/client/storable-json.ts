/** An unpaired UTF-16 surrogate (a high one not followed by a low one, or a low one alone). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g")

function storableString(s: string): string {
  if (!s.includes("\u0000") && !LONE_SURROGATE.test(s)) return s
  return s.replace(/\u0000/g, "").replace(LONE_SURROGATES, "\uFFFD")
}

/**
 * A copy of a Kaspi response that PostgreSQL can store: its text and jsonb
 * types reject NUL characters and unpaired surrogates, and one such character
 * anywhere in an order made the kaspi_order write fail, so the order was
 * neither imported nor kept as failed. NUL is dropped and a lone surrogate
 * becomes U+FFFD (as UTF-8 encoding does), in keys and values alike; anything
 * else is left exactly as Kaspi sent it.
 */
export function storableJson<T>(value: T): T {
  if (typeof value === "string") return storableString(value) as T
  if (Array.isArray(value)) return value.map(storableJson) as T
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[storableString(k)] = storableJson(v)
    return out as T
  }
  return value
}
