import { createHash } from "node:crypto"

/** JSON with every object's keys in sorted order, so the same card always reads the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v === undefined ? null : v)).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * The card's fingerprint (sha-256 of its stable JSON): a card whose hash is
 * the one last sent is the same change, and is not sent again (the ledger's
 * claim, services/kaspi-card-ledger.ts). Attribute order counts: it is the
 * category's, so it only moves when the category does.
 */
export function cardHash(card: unknown): string {
  return createHash("sha256").update(stableJson(card)).digest("hex")
}
