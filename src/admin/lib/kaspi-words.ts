import type { TFunction } from "i18next"
import type { ActionStatus, ImportStatus, KaspiOrderRow } from "./types"

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
