import type { z } from "@medusajs/framework/zod"
import type { AdminKaspiOverview } from "../api/admin/kaspi/overview/validators"
import type { CancellationShare } from "../lib/overview/cancellation-share"
import type { KaspiCancelReason } from "./admin-orders"

export type { CancellationShare }

/** GET /admin/kaspi/overview query: `today_from` is the start of "today" in the admin user's time zone. */
export type AdminKaspiOverviewQuery = z.input<typeof AdminKaspiOverview>

/** One shop on the overview: its sync state and 30-day cancellation share. */
export interface AdminKaspiOverviewAccount {
  id: string
  name: string | null
  merchant_id: string
  has_token: boolean
  /** In force for this shop (medusa-config, or changed in Settings → Kaspi). */
  polling: boolean
  auto_accept: boolean
  sync: {
    last_new_poll_at: Date | null
    last_status_sync_at: Date | null
    last_success_at: Date | null
    last_error: string | null
    /** The last poll that read Kaspi's whole archive: every order created up to then is known. */
    synced_until: Date | null
  } | null
  cancellations: CancellationShare
}

/** GET /admin/kaspi/overview */
export interface AdminKaspiOverviewResponse {
  generated_at: Date
  accounts: AdminKaspiOverviewAccount[]
  orders: { imported_today: number; today_from: Date; needs_attention: number; failed: number }
  actions: { pending: number; failed_recently: number; failed_window_days: number }
  /** From medusa-config (per account, polling and auto-accept as in force are on each account). */
  options: {
    polling: boolean
    poll_interval_seconds: number
    archive_sync_interval_seconds: number
    archive_read: "by_status" | "all"
    auto_accept: boolean
    dry_run: boolean
    send_immediately: boolean
    default_cancel_reason: KaspiCancelReason
    /**
     * Retention from medusa-config, and the newest run that deleted something
     * (null: none yet).
     */
    retention: {
      enabled: boolean
      days: number
      last_run: { at: string; events: number; actions: number; capped: boolean } | null
    }
  }
}
