import type { KaspiNotificationLanguage } from "../../modules/kaspi/notification-options"
import type { KaspiDisagreement } from "../actions/disagreement"
import { actionNamesEn } from "../texts/said-en"
import { actionNamesRu } from "../texts/said-ru"
import { sayKaspiText } from "../texts/say-kaspi-text"

const ACTION_NAMES: Record<KaspiNotificationLanguage, Record<string, string>> = { en: actionNamesEn, ru: actionNamesRu }

/**
 * What disagrees, in the notification's language: the kind's sentence with the
 * action as the admin's buttons name it, then the other side's own words (Kaspi's
 * refusal, Medusa's error) as they were said — the order card's wording
 * (src/admin/lib/kaspi-words.ts), from the same texts. Null for a kind it does
 * not know: the stored English reason is said instead.
 */
export function sayDisagreement(language: KaspiNotificationLanguage, d: Pick<KaspiDisagreement, "kind" | "action" | "said">): string | null {
  if (!["kaspi_refused", "kaspi_unreachable", "medusa_could_not_follow", "mismatch"].includes(d.kind)) return null
  const action = d.action ? (ACTION_NAMES[language][d.action] ?? d.action) : sayKaspiText(language, "agreement.a_change")
  const text = sayKaspiText(language, `agreement.${d.kind}`, { action })
  // Unreachable: what was "said" is only the error kind, which the sentence already says in words.
  const other = d.kind === "kaspi_refused" ? "agreement.kaspi_said" : d.kind === "medusa_could_not_follow" ? "agreement.medusa_said" : null
  const said = other && d.said ? sayKaspiText(language, other, { words: d.said }) : null
  return said ? `${text} ${said}` : text
}
