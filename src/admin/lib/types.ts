/**
 * The shapes the plugin's admin API returns (src/api/admin/kaspi/**), written
 * out here because admin code is bundled for the browser and must not import
 * server modules. Only the fields the screens use.
 */

export type ImportStatus = "pending" | "importing" | "imported" | "needs_attention" | "failed" | "ignored"
export type ActionStatus = "pending" | "sending" | "sent" | "failed" | "dry_run"
export type OfferedAction = "accept" | "assemble" | "send_code" | "complete" | "arrived" | "arrived_backward" | "cancel"
export type CancelReason = "BUYER_CANCELLATION_BY_MERCHANT" | "BUYER_NOT_REACHABLE" | "MERCHANT_OUT_OF_STOCK"

export interface KaspiOrderRow {
  id: string
  account_id: string
  kaspi_id: string
  code: string
  state: string
  status: string
  delivery_mode: string | null
  is_kaspi_delivery: boolean
  pre_order: boolean
  signature_required: boolean
  assembled: boolean
  pickup_point_id: string | null
  total_price: number | string
  delivery_cost: number | string | null
  cancellation_reason: string | null
  waybill_url: string | null
  kaspi_created_at: string
  planned_delivery_at: string | null
  import_status: ImportStatus
  import_reason: string | null
  unmapped_skus: string[] | null
  /** Kaspi's latest answer about this order could not be read: it no longer follows Kaspi until it can. */
  sync_problem: { kind: "unreadable"; reason: string; at: string } | null
  attempts: number
  last_attempt_at: string | null
  order_id: string | null
  created_at: string
  updated_at: string
}

export interface KaspiOrderDetail extends KaspiOrderRow {
  raw: {
    attributes?: {
      kaspiDelivery?: {
        courierTransmissionDate?: number | null
        courierTransmissionPlanningDate?: number | null
        waybillNumber?: string | null
      } | null
      reservationDate?: number | null
      arrived?: boolean
    }
  } | null
}

export interface KaspiEvent {
  id: string
  type: string
  result: "ok" | "error" | "info"
  message: string | null
  created_at: string
}

export interface KaspiActionRow {
  id: string
  action: string
  status: ActionStatus
  attempts: number
  last_error: string | null
  error_kind: string | null
  origin: string
  payload: Record<string, unknown>
  next_attempt_at: string | null
  sent_at: string | null
  created_at: string
  updated_at: string
  /** Kaspi's answer; for send_code, `{ send_code: SendCodeOutcome }`. */
  result?: { send_code?: SendCodeOutcome | null; [key: string]: unknown } | null
}

/** What came of one "send the code" (src/lib/actions/send-code-outcome.ts). */
export interface SendCodeOutcome {
  outcome: "sent" | "answered" | "failed" | "unknown" | "not_sent"
  http_status: number | null
  answer?: "echo" | "empty" | "other"
  kaspi_message?: string | null
  kind?: string | null
}

export interface KaspiOrderResponse {
  kaspi_order: KaspiOrderDetail
  events: KaspiEvent[]
  allowed_actions: OfferedAction[]
  cancel_reasons: CancelReason[]
}

export interface KaspiOrdersResponse {
  kaspi_orders: KaspiOrderRow[]
  count: number
  offset: number
  limit: number
  counts: Partial<Record<ImportStatus, number>>
}

export type KaspiActionBody =
  | { action: "accept" }
  | { action: "cancel"; reason: CancelReason; comment?: string }
  | { action: "send_code" }
  | { action: "complete"; security_code: string }
  | { action: "assemble"; number_of_space: number }
  | { action: "arrived" }
  | { action: "arrived_backward" }

export interface KaspiAccount {
  id: string
  merchantId: string
  name?: string
  apiUrl: string
  hasToken: boolean
  /** "options", "env:NAME", "stored" or "none". */
  tokenSource: string
  tokenStoredAt?: string
  tokenProblem?: string
  canStoreToken: boolean
  tokenKeyEnv: string
}

export interface StoreTokenResponse {
  saved: boolean
  account?: KaspiAccount
  connection: ConnectionResult | null
}

export interface ConnectionResult {
  ok: boolean
  accountId: string
  kind?: string
  message: string
}

/** The Kaspi compatibility check (GET/POST /admin/kaspi/accounts/:id/check; src/modules/kaspi/check/types.ts). */
export type KaspiCheckStatus = "held" | "failed" | "skipped"

export interface KaspiCheckProbe {
  id: string
  status: KaspiCheckStatus
  ms?: number
  /** Kaspi's own words (HTTP status, errors), never a token. */
  kaspi_says?: string
  /** English; the screen shows check.hint_<hint_key> when it knows the key. */
  hint?: string
  hint_key?: string
  detail?: Record<string, unknown>
}

export interface KaspiCheck {
  account_id: string
  ran_at: string
  ok: boolean
  probes: KaspiCheckProbe[]
}

export interface CancellationShare {
  total: number
  merchant: number
  kaspi: number
  cancelled: number
  share: number
  level: "ok" | "warning" | "penalty"
  warning_share: number
  penalty_share: number
  window_days: number
}

export interface OverviewAccount {
  id: string
  name: string | null
  merchant_id: string
  has_token: boolean
  sync: {
    last_new_poll_at: string | null
    last_status_sync_at: string | null
    last_success_at: string | null
    last_error: string | null
    synced_until: string | null
  } | null
  cancellations: CancellationShare
}

export interface KaspiOverview {
  generated_at: string
  accounts: OverviewAccount[]
  orders: { imported_today: number; today_from: string; needs_attention: number; failed: number }
  actions: { pending: number; failed_recently: number; failed_window_days: number }
  options: {
    polling: boolean
    poll_interval_seconds: number
    status_sync_interval_seconds: number
    auto_accept: boolean
    dry_run: boolean
    send_immediately: boolean
    default_cancel_reason: CancelReason
  }
}

export interface StoreMapping {
  id: string
  account_id: string
  store_id: string
  stock_location_id: string
  stock_buffer: number
  pre_order_days: number | null
}

export interface SkuMapping {
  id: string
  account_id: string
  kaspi_sku: string
  variant_id: string
}

export interface FeedSettings {
  company_name: string | null
  merchant_id: string | null
  price_source: "base" | "region" | "price_list"
  price_region_id: string | null
  price_list_id: string | null
  price_markup_percent: number
  price_fixed_add: number
  price_rounding: 1 | 10 | 100
  price_rounding_mode: "nearest" | "up" | "down"
  brand_source: "metadata" | "type" | "collection" | "fixed" | "none"
  brand_value: string
  model_template: string
  include_stock_count: boolean
  include_pre_order: boolean
  interval_minutes: number
  max_removed_share: number
  [key: string]: unknown
}

export interface FeedConfig {
  account_id: string
  enabled: boolean
  feed_path: string
  feed_url: string | null
  secret_rotated_at: string | null
  settings: FeedSettings
}

export interface FeedBuild {
  id: string
  status: "running" | "published" | "unchanged" | "refused" | "failed"
  trigger: string
  started_at: string
  finished_at: string | null
  published_at: string | null
  duration_ms: number | null
  offers_count: number
  skipped_count: number
  excluded_count: number
  warnings_count: number
  message: string | null
  bytes: number | null
  gzip_bytes: number | null
}

export interface FeedStatus extends FeedConfig {
  store_mappings: StoreMapping[]
  live_build: FeedBuild | null
  latest_build: FeedBuild | null
  next_build_due_at: string | null
  problems: string[]
}

export interface FeedAvailability {
  storeId: string
  available: "yes" | "no"
  stockCount?: number
  preOrder?: number
}

export interface FeedPreviewEntry {
  variant_id: string
  sku: string | null
  status: "ok" | "skipped" | "excluded"
  offer?: {
    sku: string
    model: string
    brand?: string
    price?: number
    cityprices?: { cityId: string; price: number }[]
    availabilities: FeedAvailability[]
  }
  xml?: string
  issue?: { code: string; message: string }
  excluded_reason?: string
  warnings: { code: string; message: string }[]
}

export interface FeedReport {
  build_id: string
  status: string
  finished_at: string | null
  offers: number
  skipped: number
  excluded: number
  skipped_by_reason: Record<string, number>
  warnings_by_code: Record<string, number>
  issues: { code: string; sku: string | null; variant_id: string; message: string }[]
  issues_count: number
  issues_truncated: boolean
  warnings: { code: string; sku: string | null; message: string }[]
}

export interface FeedDiff {
  previous_offers: number
  offers: number
  added: number
  removed: number
  price_changed: number
  stock_changed: number
  unchanged: number
  samples: {
    added: string[]
    removed: string[]
    price_changed: { sku: string; from: string; to: string }[]
    stock_changed: { sku: string; from: string; to: string }[]
  }
}

export interface FeedDiffResponse {
  build_id: string
  status: string
  message: string | null
  diff: FeedDiff | null
}

export interface OrderOptionOverrides {
  polling: boolean | null
  poll_interval_seconds: number | null
  auto_accept: boolean | null
}

/** Polling and auto-accept for one shop: in force, from medusa-config, and what was changed in the admin. */
export interface KaspiOrderOptions {
  polling: boolean
  poll_interval_seconds: number
  auto_accept: boolean
  status_sync_interval_seconds: number
  config: { polling: boolean; poll_interval_seconds: number; auto_accept: boolean }
  overrides: OrderOptionOverrides
}
