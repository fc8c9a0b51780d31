import type { TFunction } from "i18next"
import type { KaspiTextCode, KaspiTextParams } from "../../types"

/** Parameters that are themselves codes (an action, a Kaspi status), said in the user's words before they fill the sentence. */
const WORDED_PARAMS: Record<string, string> = { action: "action", status: "status", from: "status", to: "status" }

/** Reads `{ code, params }` from an event's data or an API answer; null for rows written before codes existed. */
export function readServerText(data: unknown): { code: KaspiTextCode; params: KaspiTextParams } | null {
  if (!data || typeof data !== "object") return null
  const { code, params } = data as { code?: unknown; params?: unknown }
  if (typeof code !== "string" || !code) return null
  return { code: code as KaspiTextCode, params: params && typeof params === "object" ? (params as KaspiTextParams) : {} }
}

/**
 * A server sentence in the user's language (issue #19): `said.<code>` filled
 * with its parameters. A code this admin does not know (a newer server) or a
 * row without one falls back to the stored English text.
 */
export function serverText(t: TFunction, data: unknown, fallback: string | null | undefined): string {
  const text = readServerText(data)
  if (!text || !t(`said.${text.code}`, { defaultValue: "" })) return fallback ?? ""
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(text.params)) {
    const group = WORDED_PARAMS[key]
    params[key] = value == null ? "—" : group ? t(`${group}.${value}`, { defaultValue: String(value) }) : value
  }
  return t(`said.${text.code}`, params)
}
