import { KASPI_GIVEN_UP_KINDS } from "../../modules/kaspi/models"

/**
 * Origins of actions Medusa had already carried out before asking Kaspi
 * (Medusa's own screens fire these events; there is no "before" hook): if
 * Kaspi refuses or never hears such an action, the two sides disagree.
 */
export const MEDUSA_FIRST_ORIGINS: readonly string[] = ["order.canceled", "order.fulfillment_created", "order.return_received"]

/** Stored on kaspi_order.disagreement; the admin lists and words it. */
export type KaspiDisagreement = {
  /** mismatch: reconciliation (lib/agreement) found the two sides differ in a way only a person can settle */
  kind: "kaspi_refused" | "kaspi_unreachable" | "medusa_could_not_follow" | "mismatch"
  /** the outbox row it is about (a later success of that row clears it) */
  action_id?: string
  action?: string
  /** in plain English, for the API and the history */
  reason: string
  /** Kaspi's or Medusa's own words */
  said?: string
  at: string
}

/** Kaspi refused (or never heard) a change Medusa had already made. Pure. */
export function disagreementAfterRefusal(
  row: { id: string; action: string; origin: string },
  errorKind: string,
  said: string,
  now = new Date()
): KaspiDisagreement {
  const unreachable = KASPI_GIVEN_UP_KINDS.includes(errorKind)
  return {
    kind: unreachable ? "kaspi_unreachable" : "kaspi_refused",
    action_id: row.id,
    action: row.action,
    reason: unreachable
      ? `${row.action} was done in Medusa (${row.origin}) but Kaspi could not be reached after every attempt (${errorKind}); it is sent again when Kaspi answers`
      : `${row.action} was done in Medusa (${row.origin}) but Kaspi refused it: ${said}`,
    said,
    at: now.toISOString(),
  }
}

/**
 * A change Medusa had already made that Kaspi's rules do not allow (checked
 * before sending, so nothing reached Kaspi: a refused call would count against
 * the shop). Pure.
 */
export function disagreementAfterRuleRefusal(action: string, origin: string, said: string, now = new Date()): KaspiDisagreement {
  return {
    kind: "kaspi_refused",
    action,
    reason: `${action} was done in Medusa (${origin}) but Kaspi does not allow it, so it was not sent: ${said}`,
    said,
    at: now.toISOString(),
  }
}

/** Kaspi took an action but Medusa could not follow it (its workflow was undone). Pure. */
export function disagreementAfterFollowUp(row: { id: string; action: string }, medusaSaid: string, now = new Date()): KaspiDisagreement {
  return {
    kind: "medusa_could_not_follow",
    action_id: row.id,
    action: row.action,
    reason: `Kaspi took ${row.action} but the Medusa order could not follow: ${medusaSaid}`,
    said: medusaSaid,
    at: now.toISOString(),
  }
}
