import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

export const KASPI_ACTION_STATUSES = ["pending", "sending", "sent", "failed", "dry_run"] as const
export type KaspiActionStatus = (typeof KASPI_ACTION_STATUSES)[number]

/**
 * Statuses an action leaves only by a person's "send again": the rows
 * retention may delete once old. Pending and sending rows are still on their
 * way to Kaspi and are never pruned, however old.
 */
export const KASPI_ACTION_FINAL_STATUSES: readonly KaspiActionStatus[] = KASPI_ACTION_STATUSES.filter(
  (s) => s !== "pending" && s !== "sending"
)

/**
 * Actions the outbox never sends again by itself: completion step 1 texts the
 * buyer a code each time it reaches Kaspi (API.md a.11, f.10). A row of these
 * whose sender died is not taken over (it may have reached Kaspi); it is
 * settled as "unknown" for the merchant to decide. Only a refused connection
 * (the request never left) is retried.
 */
export const KASPI_ACTIONS_SENT_ONCE: readonly string[] = ["send_code"]

/**
 * Why a failed row may be sent again by itself once the cause is gone: Kaspi
 * was unreachable or answered garbage, or refused the token (error kinds of
 * KaspiApiError). A row failed for any other kind is Kaspi refusing the change,
 * which only a person's "send again" retries.
 */
export const KASPI_GIVEN_UP_KINDS: readonly string[] = [
  "unauthorized",
  "forbidden",
  "rate_limited",
  "server_error",
  "timeout",
  "network",
  "invalid_response",
  "not_configured",
]

/**
 * The outbox: every change the merchant makes that Kaspi must hear about is
 * written here first (in the workflow that caused it), then sent. The unique
 * idempotency key is what makes a retried request or a replayed event the same
 * action; `lease_until` is what lets one sender at a time, on any instance,
 * take a row, and a crashed sender's row come back.
 */
export const KaspiAction = shopModel("kaspi_action", "kact", {
  kaspi_order_id: model.text(),
  kaspi_id: model.text(),
  code: model.text(),
  order_id: model.text().nullable(),
  action: model.text(),
  payload: model.json(),
  idempotency_key: model.text(),
  origin: model.text().default("admin"),
  status: model.enum([...KASPI_ACTION_STATUSES]).default("pending"),
  attempts: model.number().default(0),
  next_attempt_at: model.dateTime().nullable(),
  lease_until: model.dateTime().nullable(),
  last_error: model.text().nullable(),
  error_kind: model.text().nullable(),
  result: model.json().nullable(),
  sent_at: model.dateTime().nullable(),
}).indexes([
  { on: ["idempotency_key"], unique: true },
  { on: ["status", "next_attempt_at"] },
  // Failed rows of the last days (the overview, the failed-actions list).
  { on: ["status", "updated_at"] },
  // Sent ASSEMBLE rows still waiting for their waybill (services/kaspi-outbox.ts awaitingWaybill): a few
  // dozen among the year's sent rows.
  {
    on: ["sent_at"],
    where: "action = 'assemble' and status = 'sent' and coalesce(result->>'waybill_done', 'false') <> 'true'",
    name: "IDX_kaspi_action_awaiting_waybill",
  },
  { on: ["kaspi_order_id"] },
  // Retention takes the oldest rows first (services/kaspi-retention.ts).
  { on: ["created_at"] },
])
