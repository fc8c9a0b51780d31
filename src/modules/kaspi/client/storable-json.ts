/** An unpaired UTF-16 surrogate (a high one not followed by a low one, or a low one alone). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g")

function storableString(s: string): string {
  if (!s.includes("\u0000") && !LONE_SURROGATE.test(s)) return s
  return s.replace(/\u0000/g, "").replace(LONE_SURROGATES, "\uFFFD")
}

/** Keys that reach an object's prototype when assigned: dropped from everything read from Kaspi. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"])

/**
 * A copy of a Kaspi response that PostgreSQL can store: its text and jsonb
 * types reject NUL characters and unpaired surrogates, and one such character
 * anywhere in an order made the kaspi_order write fail, so the order was
 * neither imported nor kept as failed. NUL is dropped and a lone surrogate
 * becomes U+FFFD (as UTF-8 encoding does), in keys and values alike; anything
 * else is left exactly as Kaspi sent it, except the keys `__proto__`,
 * `constructor` and `prototype`, which are dropped (prototype pollution).
 */
export function storableJson<T>(value: T): T {
  return storableAt(value, 0)
}

/**
 * Kaspi's orders nest about 5 levels deep. JSON.parse accepts any depth, but
 * walking (and storing) a payload nested thousands deep overflows the stack,
 * which would fail the whole page for one hostile order: deeper than this, the
 * payload is refused with this error (the parser rejects that order alone).
 */
export const MAX_KASPI_JSON_DEPTH = 64

export class KaspiPayloadTooDeepError extends Error {
  constructor() {
    super(`nested deeper than ${MAX_KASPI_JSON_DEPTH} levels (Kaspi's orders nest about 5); not read`)
    this.name = "KaspiPayloadTooDeepError"
  }
}

function storableAt<T>(value: T, depth: number): T {
  if (typeof value === "string") return storableString(value) as T
  if (!value || typeof value !== "object") return value
  if (depth >= MAX_KASPI_JSON_DEPTH) throw new KaspiPayloadTooDeepError()
  if (Array.isArray(value)) return value.map((v) => storableAt(v, depth + 1)) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const key = storableString(k)
    // `out["__proto__"] = …` would set the copy's prototype to Kaspi's object; no Kaspi field has these names.
    if (UNSAFE_KEYS.has(key)) continue
    out[key] = storableAt(v, depth + 1)
  }
  return out as T
}
