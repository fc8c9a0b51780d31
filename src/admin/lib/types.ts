/**
 * The plugin's admin API as the browser receives it: the server's own types
 * (src/types, from the validators and the models), imported type-only so
 * nothing of the server reaches the bundle, with dates as the ISO strings
 * `res.json` makes of them (Jsonified). Only the names are the admin's.
 */
import type {
  AdminKaspiDeadlinesResponse,
  AdminKaspiEventsResponse,
  KaspiOrderLine,
  AdminKaspiAccountsResponse,
  AdminKaspiActionRequest,
  AdminKaspiActionsListResponse,
  AdminKaspiCheckResponse,
  AdminKaspiConnectionResponse,
  AdminKaspiFeedConfig,
  AdminKaspiFeedDiffResponse,
  AdminKaspiFeedPreviewResponse,
  AdminKaspiFeedReportResponse,
  AdminKaspiFeedStatus,
  AdminKaspiOrderDetail,
  AdminKaspiOrderListItem,
  AdminKaspiOrderOptions,
  AdminKaspiOrderResponse,
  AdminKaspiOrdersListResponse,
  AdminKaspiOverviewAccount,
  AdminKaspiOverviewResponse,
  AdminResolveKaspiDisagreementRequest,
  AdminResolveKaspiDisagreementResponse,
  AdminStoreKaspiTokenResponse,
  Jsonified,
  KaspiActionRecord,
  KaspiEventRecord,
  KaspiFeedBuildSummary,
  KaspiStoreMappingRecord,
} from "../../types"

export type {
  CancellationShare,
  FeedAvailability,
  FeedDiff,
  FeedSettings,
  KaspiCheckProbe,
  KaspiCheckStatus,
  KaspiDisagreement,
  KaspiImportStatus as ImportStatus,
  KaspiCancelReason as CancelReason,
  KaspiOrderOptionOverrides as OrderOptionOverrides,
  OfferedAction,
  SendCodeOutcome,
} from "../../types"

export type KaspiOrderRow = Jsonified<AdminKaspiOrderListItem>
export type KaspiOrderDetail = Jsonified<AdminKaspiOrderDetail>
export type KaspiEvent = Jsonified<KaspiEventRecord>
export type KaspiEventsResponse = Jsonified<AdminKaspiEventsResponse>
export type KaspiActionRow = Jsonified<KaspiActionRecord>
export type ActionStatus = KaspiActionRecord["status"]
export type KaspiOrderResponse = Jsonified<AdminKaspiOrderResponse>
export type KaspiOrdersResponse = Jsonified<AdminKaspiOrdersListResponse>
export type KaspiActionBody = AdminKaspiActionRequest
export type { KaspiOrderLine }
/** Outbox rows across orders (the failed ones, for the Kaspi page). */
export type KaspiActionsResponse = Jsonified<AdminKaspiActionsListResponse>
export type ResolveDisagreementBody = AdminResolveKaspiDisagreementRequest
export type ResolveDisagreementResponse = Jsonified<AdminResolveKaspiDisagreementResponse>

export type KaspiAccount = AdminKaspiAccountsResponse["accounts"][number]
export type StoreTokenResponse = AdminStoreKaspiTokenResponse
export type ConnectionResult = AdminKaspiConnectionResponse["connection"]
export type KaspiCheck = NonNullable<AdminKaspiCheckResponse["check"]>
export type KaspiOrderOptions = AdminKaspiOrderOptions

export type OverviewAccount = Jsonified<AdminKaspiOverviewAccount>
export type KaspiOverview = Jsonified<AdminKaspiOverviewResponse>
export type KaspiDeadlines = Jsonified<AdminKaspiDeadlinesResponse>
export type KaspiDueOrderRow = KaspiDeadlines["deadlines"][number]

export type StoreMapping = Jsonified<KaspiStoreMappingRecord>

export type FeedConfig = Jsonified<AdminKaspiFeedConfig>
export type FeedBuild = Jsonified<KaspiFeedBuildSummary>
export type FeedStatus = Jsonified<AdminKaspiFeedStatus>
export type FeedPreviewEntry = Jsonified<AdminKaspiFeedPreviewResponse["offers"][number]>
export type FeedReport = Jsonified<AdminKaspiFeedReportResponse>
export type FeedDiffResponse = Jsonified<AdminKaspiFeedDiffResponse>
