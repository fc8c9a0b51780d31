/**
 * Written into the Medusa order's metadata (`kaspi_last_change_origin`) when the
 * plugin changes the order because Kaspi said so: the outbound subscribers read
 * it and never send such a change back to Kaspi (see lib/outbox/loop-guard.ts).
 */
export const KASPI_ORIGIN = "kaspi"

/** Origin written on Medusa changes that follow a merchant's Kaspi action (fulfilment metadata, order edits). */
export const MERCHANT_ACTION_ORIGIN = "kaspi-action"
