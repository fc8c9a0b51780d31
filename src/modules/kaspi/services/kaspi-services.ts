import type { KaspiAccounts } from "./kaspi-accounts"
import type { KaspiBackfills } from "./kaspi-backfills"
import type { KaspiClientPool } from "./kaspi-client-pool"
import type { KaspiConnectivity } from "./kaspi-connectivity"
import type { KaspiDeadlines } from "./kaspi-deadlines"
import type { KaspiEventLog } from "./kaspi-event-log"
import type { KaspiListCounts } from "./kaspi-list-counts"
import type { KaspiOrderLedger } from "./kaspi-order-ledger"
import type { KaspiOutbox } from "./kaspi-outbox"
import type { KaspiPollLease } from "./kaspi-poll-lease"
import type { KaspiRetention } from "./kaspi-retention"
import type { KaspiTokenChanges } from "./kaspi-token-changes"
import type { KaspiCardLedger } from "./kaspi-card-ledger"
import type { KaspiCardMappings } from "./kaspi-card-mappings"
import type { KaspiClassification } from "./kaspi-classification"

export type {
  KaspiAccounts,
  KaspiBackfills,
  KaspiClientPool,
  KaspiConnectivity,
  KaspiDeadlines,
  KaspiEventLog,
  KaspiListCounts,
  KaspiOrderLedger,
  KaspiOutbox,
  KaspiPollLease,
  KaspiRetention,
  KaspiTokenChanges,
  KaspiCardLedger,
  KaspiCardMappings,
  KaspiClassification,
}

/** Kaspi product cards (issue #18), reached through the facade's one `cards()`. */
export interface KaspiCards {
  ledger: KaspiCardLedger
  mappings: KaspiCardMappings
  classification: KaspiClassification
}

/**
 * The module's own services, as Medusa registers them in the module's
 * container: every class exported from services/ under its name with a
 * lower-case first letter, each a singleton. The module service (service.ts)
 * is a facade over them. This file holds types only, so Medusa registers
 * nothing from it.
 */
export type KaspiServices = {
  kaspiAccounts: KaspiAccounts
  kaspiClientPool: KaspiClientPool
  kaspiConnectivity: KaspiConnectivity
  kaspiDeadlines: KaspiDeadlines
  kaspiOrderLedger: KaspiOrderLedger
  kaspiPollLease: KaspiPollLease
  kaspiOutbox: KaspiOutbox
  kaspiEventLog: KaspiEventLog
  kaspiListCounts: KaspiListCounts
  kaspiBackfills: KaspiBackfills
  kaspiRetention: KaspiRetention
  kaspiTokenChanges: KaspiTokenChanges
  kaspiCardLedger: KaspiCardLedger
  kaspiCardMappings: KaspiCardMappings
  kaspiClassification: KaspiClassification
}
