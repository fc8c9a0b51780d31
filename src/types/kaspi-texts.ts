/**
 * Every sentence the server says to a merchant, as a code and its parameters
 * (issue #19). The server keeps an English `message` beside it for scripts and
 * for rows written before codes existed; the admin shows
 * `t("said.<code>", params)` in the user's language. The admin's dictionaries
 * are typed `Record<KaspiTextCode, string>`, so a code without an English or a
 * Russian text fails `typecheck:admin` (and the unit test over this list).
 */

/** Codes written into the order's Kaspi history (kaspi_event.data.code). */
export const KASPI_EVENT_CODES = [
  "action.queued",
  "action.dry_run",
  "action.sent",
  "action.already",
  "action.retry",
  "action.refused_by_kaspi",
  "action.code_sent",
  "action.code_answered",
  "action.code_failed",
  "action.code_unknown",
  "action.code_not_sent",
  "action.not_requested",
  "action.not_sent_from_kaspi",
  "action.revived",
  "action.waiting_for_kaspi",
  "agreement.disagrees",
  "agreement.resolved",
  // The deadline warning sent (lib/deadlines/warn-kaspi-deadlines.ts)
  "deadline.warned_accept",
  "deadline.warned_handover",
  // Reconciliation (lib/agreement): what it repaired, what it found, and agreement restored
  "agreement.repaired",
  "agreement.agrees_again",
  "reconcile.kaspi_missing",
  "reconcile.status_follow",
  "reconcile.status_attention",
  "reconcile.status_medusa_ahead",
  "reconcile.lines_follow",
  "reconcile.lines_attention",
  "reconcile.total",
  "reconcile.reservations",
  "reconcile.payment",
  "reconcile.refunds",
  "import.imported",
  "import.ignored",
  "import.needs_stock",
  "import.unmapped_sku",
  "import.total_mismatch",
  "import.no_lines",
  "import.no_offer_code",
  "import.unknown_status",
  "import.not_set_up",
  "import.needs_attention",
  "import.failed",
  "import.retry_later",
  "sync.unreadable",
  "kaspi.status_changed",
  "medusa.order_canceled",
  "medusa.order_completed",
  "medusa.order_edited",
  "medusa.order_edit_skipped",
  // Kaspi-side line changes the sync follows (follow-kaspi-order-lines, API.md a.12)
  "medusa.lines_followed",
  "medusa.lines_raised",
  "medusa.lines_price_differs",
  "medusa.lines_follow_failed",
  "medusa.attention",
  "medusa.follow_up_failed",
  "medusa.return_opened",
  "medusa.return_received",
  "medusa.refund_recorded",
  "waybill.attached",
  "waybill.failed",
] as const

/** Codes of the action rules' refusals (checkKaspiAction, API.md a.11, a.12). */
/**
 * What disagrees, by kind (kaspi_order.disagreement, lib/actions/disagreement.ts): said on the order's card
 * and in the disagreement notification, with the action in the reader's words and the other side's own.
 */
export const KASPI_DISAGREEMENT_CODES = [
  "agreement.kaspi_refused",
  "agreement.kaspi_unreachable",
  "agreement.medusa_could_not_follow",
  "agreement.mismatch",
  "agreement.a_change",
  "agreement.kaspi_said",
  "agreement.medusa_said",
] as const

export const KASPI_REFUSAL_CODES = [
  "refusal.accept_status",
  "refusal.cancel_status",
  "refusal.cancel_waiting",
  "refusal.cancel_assembled",
  "refusal.cancel_reason_kaspi_delivery",
  "refusal.cancel_comment_too_long",
  "refusal.complete_kaspi_delivery",
  "refusal.already_completed",
  "refusal.complete_status",
  "refusal.signature_required",
  "refusal.code_format",
  "refusal.assemble_not_kaspi_delivery",
  "refusal.assemble_status",
  "refusal.assemble_packages",
  "refusal.arrived_not_pre_order",
  "refusal.arrived_status",
  "refusal.arrived_backward_status",
  "refusal.cancel_entry_status",
  "refusal.cancel_entry_assembled",
  "refusal.cancel_entry_quantity",
  "refusal.unknown_action",
] as const

/**
 * Why the feed left an offer out (validate-offer.ts, API.md §c), by FeedIssueCode. "excluded" and
 * "missing_city_price" are counted but never reported per offer, so they have no sentence.
 */
export const KASPI_FEED_CODES = [
  // A build the guards held back (lib/feed/guards.ts): the feed status and the feed_refused notification
  "feed.refused.empty_feed",
  "feed.refused.too_many_removed",
  "feed.offer_skipped.missing_sku",
  "feed.offer_skipped.duplicate_sku",
  "feed.offer_skipped.sku_too_long",
  "feed.offer_skipped.sku_invalid_chars",
  "feed.offer_skipped.empty_model",
  "feed.offer_skipped.missing_price",
  "feed.offer_skipped.invalid_price",
  "feed.offer_skipped.invalid_city_price",
  "feed.offer_skipped.duplicate_city",
  "feed.offer_skipped.price_and_cityprices",
  "feed.offer_skipped.invalid_pre_order",
  "feed.offer_skipped.unknown_store",
  "feed.offer_skipped.duplicate_store",
  "feed.offer_skipped.no_availability",
  "feed.offer_skipped.invalid_stock",
] as const

export type KaspiEventCode = (typeof KASPI_EVENT_CODES)[number]
export type KaspiFeedCode = (typeof KASPI_FEED_CODES)[number]
export type KaspiRefusalCode = (typeof KASPI_REFUSAL_CODES)[number]
export type KaspiDisagreementCode = (typeof KASPI_DISAGREEMENT_CODES)[number]
export type KaspiTextCode = KaspiEventCode | KaspiRefusalCode | KaspiFeedCode | KaspiDisagreementCode

/** What a code's sentence is filled with: SKUs, names, quantities, statuses, Kaspi's own words. */
export type KaspiTextParams = Record<string, string | number | null>

/** A sentence as data: the admin translates the code; `message` is the English sentence for the API. */
export interface KaspiText {
  code: KaspiTextCode
  params: KaspiTextParams
}
