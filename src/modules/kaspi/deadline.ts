/**
 * The next deadline of a Kaspi order, the one the merchant has to beat:
 * - "accept": an order APPROVED_BY_BANK waits for the merchant's acceptance;
 *   Kaspi cancels it after a time-out it does not publish (API.md f.12), so
 *   the time allowed is the acceptWithinMinutes option, counted from the
 *   bank's approval (a credit order is approved only once the buyer signed).
 * - "handover": an ACCEPTED_BY_MERCHANT order with a planned courier pick-up
 *   (kaspiDelivery.courierTransmissionPlanningDate, else plannedDeliveryDate;
 *   API.md a.2) that the courier has not taken yet.
 * Every other order has none. Pure: the list, the widget and the admin's
 * countdown read it here; DEADLINE_SQL is the same rule for the queries that
 * sort and warn, and a module test holds the two to the same answers.
 */

export type KaspiDeadlineKind = "accept" | "handover"

export interface KaspiDeadline {
  kind: KaspiDeadlineKind
  due_at: Date
}

/** An order on the "due first" list (KaspiDeadlines.listDue). */
export interface KaspiDueOrder extends KaspiDeadline {
  id: string
  kaspi_id: string
  account_id: string
  code: string
  status: string
  order_id: string | null
}

type When = Date | string | null | undefined

export interface KaspiDeadlineFacts {
  status: string
  kaspi_created_at: When
  kaspi_approved_at?: When
  planned_delivery_at?: When
  courier_planned_at?: When
  courier_handed_at?: When
}

const at = (w: When): Date | null => (w ? new Date(w) : null)

export function kaspiOrderDeadline(o: KaspiDeadlineFacts, acceptWithinMinutes: number): KaspiDeadline | null {
  if (o.status === "APPROVED_BY_BANK") {
    const from = at(o.kaspi_approved_at) ?? at(o.kaspi_created_at)
    return from ? { kind: "accept", due_at: new Date(from.getTime() + acceptWithinMinutes * 60_000) } : null
  }
  if (o.status === "ACCEPTED_BY_MERCHANT" && !o.courier_handed_at) {
    const due = at(o.courier_planned_at) ?? at(o.planned_delivery_at)
    return due ? { kind: "handover", due_at: due } : null
  }
  return null
}

/** The statuses that can have a deadline: the queries filter on them first (the account/status index). */
export const DEADLINE_STATUSES = ["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"] as const

/** kaspiOrderDeadline in SQL over `kaspi_order k`; its one parameter is acceptWithinMinutes. */
export const DEADLINE_DUE_AT_SQL = `case
  when k.status = 'APPROVED_BY_BANK' then coalesce(k.kaspi_approved_at, k.kaspi_created_at) + make_interval(mins => ?)
  when k.status = 'ACCEPTED_BY_MERCHANT' and k.courier_handed_at is null then coalesce(k.courier_planned_at, k.planned_delivery_at)
end`

export const DEADLINE_KIND_SQL = `case when k.status = 'APPROVED_BY_BANK' then 'accept' else 'handover' end`
