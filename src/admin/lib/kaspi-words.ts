import type { TFunction } from "i18next"
import type { ActionStatus, ImportStatus, KaspiActionRow, KaspiDisagreement, KaspiOrderRow } from "./types"

/** Plain words for Kaspi's codes; an unknown code (Kaspi adds some) is shown as it is. */
export function word(t: TFunction, group: string, code: string | null | undefined): string {
  if (!code) return "—"
  return t(`${group}.${code}`, { defaultValue: code })
}

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export function kaspiStatusColor(status: string): BadgeColor {
  switch (status) {
    case "APPROVED_BY_BANK":
      return "orange"
    case "ACCEPTED_BY_MERCHANT":
      return "blue"
    case "COMPLETED":
      return "green"
    case "CANCELLED":
    case "CANCELLING":
      return "red"
    case "RETURNED":
      return "grey"
    default:
      return "purple"
  }
}

export function importStatusColor(status: ImportStatus): BadgeColor {
  return ({ imported: "green", needs_attention: "orange", failed: "red", pending: "blue", importing: "blue", ignored: "grey" } as const)[status] ?? "grey"
}

export function actionStatusColor(status: ActionStatus): BadgeColor {
  return ({ sent: "green", failed: "red", pending: "orange", sending: "blue", dry_run: "purple" } as const)[status] ?? "grey"
}

/**
 * What the order needs next, in the words of the Kaspi cabinet's tabs
 * (Оплачен / Упаковка / Передача / Выдан, API.md b), or null when nothing.
 */
export function stageKey(o: Pick<KaspiOrderRow, "status" | "is_kaspi_delivery" | "assembled" | "signature_required">, handedOver: boolean): string | null {
  if (o.status === "APPROVED_BY_BANK") return "stage.toAccept"
  if (o.status !== "ACCEPTED_BY_MERCHANT") return null
  if (o.signature_required) return "stage.waitSignature"
  if (!o.is_kaspi_delivery) return "stage.toComplete"
  if (!o.assembled) return "stage.toPack"
  return handedOver ? "stage.withCourier" : "stage.toHandOver"
}

/** An event's type as a headline: "action.accept" → "Action: Accept"; unknown types as they are. */
export function eventTitle(t: TFunction, type: string): string {
  if (type.startsWith("action.")) {
    const action = type.slice("action.".length)
    return t("eventType.action", { action: t(`action.${action}`, { defaultValue: action }) })
  }
  return t(`eventType.${type}`, { defaultValue: type })
}

/**
 * What came of one "send the code" row, in words (the outcome recorded by the
 * server, src/lib/actions/send-code-outcome.ts): `ok` when Kaspi took it,
 * `warning` whenever the code may or may not have gone out, `info` while it is
 * on its way. Null for other actions.
 */
export function sendCodeWords(t: TFunction, row: Pick<KaspiActionRow, "action" | "status" | "result">): { tone: "ok" | "warning" | "info"; text: string } | null {
  if (row.action !== "send_code") return null
  const o = row.result?.send_code
  if (!o) {
    if (row.status === "pending") return { tone: "info", text: t("sendCode.retrying") }
    if (row.status === "sending") return { tone: "info", text: t("sendCode.sending") }
    if (row.status === "sent") return { tone: "ok", text: t("sendCode.sent") }
    return null
  }
  const message = o.kaspi_message || t("sendCode.noExplanation")
  switch (o.outcome) {
    case "sent":
      return { tone: "ok", text: t(o.answer === "other" ? "sendCode.sentUnusual" : "sendCode.sent") }
    case "answered":
      return { tone: "warning", text: t("sendCode.answered", { status: o.http_status ?? "4xx", message }) }
    case "failed":
      return { tone: "warning", text: t("sendCode.failed", { status: o.http_status ?? "5xx", message }) }
    case "unknown":
      return {
        tone: "warning",
        text: t(o.kind === "timeout" ? "sendCode.timeout" : o.kind === "abandoned" ? "sendCode.abandoned" : "sendCode.lost"),
      }
    case "not_sent":
      return { tone: "warning", text: t("sendCode.notSent", { message }) }
    default:
      return null
  }
}

/**
 * An outbox row Kaspi has not answered yet (the outbox job sends it). Not
 * "send the code": that one is never sent again by itself and has its own words.
 */
export function isWaitingForKaspi(row: Pick<KaspiActionRow, "action" | "status">): boolean {
  return row.action !== "send_code" && (row.status === "pending" || row.status === "sending")
}

/**
 * Origins of actions Medusa had already carried out before asking Kaspi (a copy
 * of MEDUSA_FIRST_ORIGINS in src/lib/actions/disagreement.ts, which the bundle
 * cannot import: it pulls in the server's models). Everything else waits for
 * Kaspi first and Medusa follows.
 */
const MEDUSA_FIRST_ORIGINS = ["order.canceled", "order.fulfillment_created", "order.return_received"]

/** "Accept is waiting for Kaspi: …", said for whichever side has not moved yet. */
export function waitingWords(t: TFunction, row: Pick<KaspiActionRow, "action" | "origin">): string {
  const action = t(`action.${row.action}`, { defaultValue: row.action })
  return t(MEDUSA_FIRST_ORIGINS.includes(row.origin) ? "waiting.medusaDone" : "waiting.medusaFollows", { action })
}

/**
 * What disagrees, in the user's language: the kind worded here, then the
 * other side's own words (Kaspi's or Medusa's) as they were said, or for a
 * mismatch found by reconciliation, where to read what differs. A kind this
 * admin does not know (a newer server) falls back to the stored English reason.
 */
export function disagreementWords(t: TFunction, d: KaspiDisagreement): { text: string; said: string | null } {
  // Found by reconciliation: no action and no other side's words, only what differs (in English,
  // worded per difference in the Kaspi history); the dictionary decides whether it is shown here.
  if (d.kind === "mismatch") return { text: t("agreement.mismatch"), said: t("agreement.mismatchDetails", { reason: d.reason }) }
  const action = d.action ? t(`action.${d.action}`, { defaultValue: d.action }) : t("agreement.aChange")
  const known = ["kaspi_refused", "kaspi_unreachable", "medusa_could_not_follow"].includes(d.kind)
  if (!known) return { text: d.reason, said: null }
  const said = d.said ? t(d.kind === "medusa_could_not_follow" ? "agreement.medusaSaid" : "agreement.kaspiSaid", { words: d.said }) : null
  // Unreachable: "said" is only the error kind; the worded sentence says it already.
  return { text: t(`agreement.${d.kind}`, { action }), said: d.kind === "kaspi_unreachable" ? null : said }
}

/** The whole disagreement on one line (a badge's tooltip). */
export function disagreementTitle(t: TFunction, d: KaspiDisagreement): string {
  const { text, said } = disagreementWords(t, d)
  return said ? `${text} ${said}` : text
}
