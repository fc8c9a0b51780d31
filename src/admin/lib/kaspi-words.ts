import type { TFunction } from "i18next"
import type { ActionStatus, ImportStatus, KaspiActionRow, KaspiOrderRow } from "./types"

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
