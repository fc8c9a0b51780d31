// Public and internal types of the Kaspi sandbox. The sandbox shares no code with the
// plugin (src/): these types are written from the Kaspi guide, not imported.

export type KaspiOrderState = "NEW" | "SIGN_REQUIRED" | "PICKUP" | "DELIVERY" | "KASPI_DELIVERY" | "ARCHIVE"

export type KaspiOrderStatus =
  | "APPROVED_BY_BANK"
  | "ACCEPTED_BY_MERCHANT"
  | "COMPLETED"
  | "CANCELLED"
  | "CANCELLING"
  | "KASPI_DELIVERY_RETURN_REQUESTED"
  | "RETURN_ACCEPTED_BY_MERCHANT"
  | "RETURNED"

export type DeliveryMode =
  | "DELIVERY_PICKUP"
  | "DELIVERY_LOCAL"
  | "DELIVERY_REGIONAL_TODOOR"
  | "DELIVERY_REGIONAL_PICKUP"

export type PaymentMode = "PREPAID" | "PAY_WITH_CREDIT"

export type UnitType = "PIECES" | "MEASURABLE" | "MEASURABLE_PIECES"

export interface SandboxAddress {
  streetName: string | null
  streetNumber: string | null
  town: string | null
  district: string | null
  building: string | null
  apartment: string | null
  formattedAddress: string | null
  latitude: number | null
  longitude: number | null
}

export interface SandboxCity {
  code: string
  name: string
  latitude: number
  longitude: number
}

export interface SandboxCustomer {
  id: string
  name: string | null
  cellPhone: string
  firstName: string
  lastName: string
}

export interface SandboxKaspiDelivery {
  /** Waybill token once published (rendered as an absolute URL by the API). */
  waybillToken: string | null
  waybillNumber: string | null
  courierTransmissionDate: number | null
  courierTransmissionPlanningDate: number | null
  express: boolean
  returnedToWarehouse: boolean
  firstMileCourier: string | null
}

export interface SandboxEntry {
  id: string
  entryNumber: number
  sku: string
  name: string
  productCode: string
  manufacturer: string | null
  unitType: UnitType
  quantity: number
  basePrice: number
  totalPrice: number
  /** grams; 0 for PIECES */
  weight: number
  minAllowedWeight: number | null
  category: { code: string; title: string }
  deliveryCost: number
  isImeiRequired: boolean
  storeId: string
  imei: string[]
}

/**
 * How the API renders one order among the forms Kaspi is known or likely to send. Drawn once per
 * order from its code (deterministic, so seeded data mixes all forms); addOrder({variants}) overrides.
 */
export interface OrderVariants {
  /** API.md a.0 (ids row), a.4 (a real 2026 entries response), a.8: base64("<merchantId>_<storeId>") or the plain "16483752_PP1" form */
  pointOfServiceId: "base64" | "plain"
  /** API.md a.1 / appendix: customer.id is optional, rendered as null */
  nullCustomerId: boolean
  /** API.md a.1 (originAddress is M-confidence, appendix optional): Kaspi Delivery orders show it in full, with id null, or not at all */
  originAddress: "full" | "nullId" | "absent"
  /** API.md appendix: plannedDeliveryDate, reservationDate and deliveryAddress are `|null`: rendered as explicit nulls instead of left out when not relevant */
  explicitNulls: boolean
  /** API.md a.1 ("nulls common"): a to-door deliveryAddress with only formattedAddress (street, number, town, coordinates null) */
  sparseDeliveryAddress: boolean
  /** entry numbers rendered with category: null (API.md appendix: entry category optional) */
  nullCategory: number[]
  /** entry numbers rendered with offer.name: null (API.md appendix: offer.name optional) */
  nullOfferName: number[]
}

/** Render-only status/state/deliveryMode strings the plugin may not know yet (POST /__sandbox/orders/:code/raw). */
export interface RawOrderValues {
  status?: string
  state?: string
  deliveryMode?: string
}

/** Full internal view of an order (what the control API and getOrder() return). */
export interface SandboxOrder {
  merchantId: string
  /** internal order number; `id` = unpadded base64 of it */
  orderNo: number
  id: string
  code: string
  totalPrice: number
  paymentMode: PaymentMode
  creditTerm: number | null
  creationDate: number
  approvedByBankDate: number
  plannedDeliveryDate: number | null
  reservationDate: number | null
  state: KaspiOrderState
  status: KaspiOrderStatus
  deliveryMode: DeliveryMode
  isKaspiDelivery: boolean
  deliveryCost: number
  deliveryCostForSeller: number
  deliveryAddress: SandboxAddress | null
  storeId: string
  pickupPointId: string
  cityCode: string
  assembled: boolean
  numberOfSpace: number | null
  signatureRequired: boolean
  preOrder: boolean
  arrived: boolean
  customer: SandboxCustomer
  /** the real phone, kept after Kaspi masks customer.cellPhone on archived orders */
  realCellPhone: string
  cancellationReason: string | null
  cancellationComment: string | null
  /** set by ARRIVED_BACKWARD (mirrored in kaspiDelivery.returnedToWarehouse) */
  returnedToWarehouse: boolean
  /** Kaspi-side cancellation waiting for the next clock step (CANCELLING → CANCELLED) */
  pendingCancellation: boolean
  kaspiDelivery: SandboxKaspiDelivery | null
  /** the last code "sent" to the buyer by COMPLETED step 1 */
  securityCode: string | null
  securityCodeSentAt: number | null
  /** how many times a security code was sent to the buyer (every answer mode of step 1 counts, API.md a.11) */
  codesSent: number
  completedAt: number | null
  /** ASSEMBLE bookkeeping: the waybill appears when real time or the sandbox clock pass these */
  waybillDueRealTime: number | null
  waybillDueClockTime: number | null
  /** render-only damage set by corruptOrder(): the API shows these attributes instead (state is unaffected) */
  corruption: OrderCorruption | null
  /** render-only unknown status/state/deliveryMode strings (POST /__sandbox/orders/:code/raw) */
  rawValues: RawOrderValues | null
  /** which of Kaspi's documented shapes the API uses for this order */
  variants: OrderVariants
  entries: SandboxEntry[]
}

export interface OrderCorruption {
  /** attributes to overwrite (any JSON value, e.g. totalPrice: "7000 ₸") */
  set: Record<string, unknown>
  /** attribute names to drop from the rendered order */
  remove: string[]
}

export interface SkuInput {
  sku: string
  name?: string
  price: number
  weighted?: boolean
  productCode?: string
  category?: { code: string; title: string }
  manufacturer?: string
}

export interface EntryInput {
  sku: string
  name?: string
  quantity?: number
  basePrice?: number
  weighted?: boolean
  unitType?: UnitType
  /** grams, for weighted goods */
  weight?: number
  productCode?: string
  category?: { code: string; title: string }
  manufacturer?: string
  storeId?: string
  isImeiRequired?: boolean
  deliveryCost?: number
}

export interface OrderInput {
  /** which merchant shop (by token, or by merchant id); default the first token's shop */
  token?: string
  merchantId?: string
  code?: string
  status?: KaspiOrderStatus
  state?: KaspiOrderState
  deliveryMode?: DeliveryMode
  isKaspiDelivery?: boolean
  express?: boolean
  paymentMode?: PaymentMode
  creditTerm?: number
  creationDate?: number
  approvedByBankDate?: number
  plannedDeliveryDate?: number | null
  reservationDate?: number | null
  preOrder?: boolean
  arrived?: boolean
  signatureRequired?: boolean
  assembled?: boolean
  numberOfSpace?: number
  storeId?: string
  cityCode?: string
  customer?: Partial<Pick<SandboxCustomer, "firstName" | "lastName" | "cellPhone" | "name">>
  deliveryCost?: number
  deliveryCostForSeller?: number
  cancellationReason?: string
  entries?: EntryInput[]
  /** render variants to force (default: drawn from the code) */
  variants?: Partial<OrderVariants>
  /** PRNG seed for the fields not given (default: derived from the sandbox seed) */
  seed?: number
}

export type DeliveryKind = "pickup" | "merchantDelivery" | "kaspiDelivery" | "postomat" | "regionalTodoor" | "regionalPickup"

export interface SeedMix {
  /** weights of delivery kinds */
  deliveryModes?: Partial<Record<DeliveryKind, number>>
  /** weights of read statuses */
  statuses?: Partial<Record<KaspiOrderStatus, number>>
  /** probability 0..1 */
  preOrder?: number
  /** probability 0..1 (only for PAY_WITH_CREDIT orders) */
  signatureRequired?: number
  /** probability 0..1 of PAY_WITH_CREDIT */
  credit?: number
}

export interface SeedInput {
  count: number
  seed?: number
  token?: string
  merchantId?: string
  skus?: SkuInput[]
  stores?: string[]
  /** creationDate range (ms); default the last 2 days of sandbox time */
  from?: number
  to?: number
  mix?: SeedMix
}

export type KaspiSideEvent =
  | "buyer_cancel"
  | "kaspi_cancel_timeout"
  | "courier_cancel"
  | "courier_pickup"
  | "kaspi_complete"
  | "return_requested"
  | "return_accepted"
  | "returned"
  | "buyer_signs"
  | "cabinet_cancel_entry"

export interface KaspiEventOptions {
  /** for cancellations: skip CANCELLING and go straight to CANCELLED */
  immediate?: boolean
  /** for cancellations: override the cancellation reason */
  reason?: string
  /** cabinet_cancel_entry: the line, by its entry id… */
  entryId?: string
  /** …or by its entryNumber (0-based, API.md a.4) */
  entryIndex?: number
  /** cabinet_cancel_entry: the quantity that stays (0 cancels the line), as in API.md a.12 */
  remainedQuantity?: number
}

export type FaultKind = "latency" | "5xx" | "429" | "timeout" | "html404" | "malformed"

export interface FaultConfig {
  rate: number
  kinds: FaultKind[]
  latencyMs?: number
  routes?: string[]
}

export type ActionName =
  | "ACCEPTED_BY_MERCHANT"
  | "CANCELLED"
  | "COMPLETED_SEND_CODE"
  | "COMPLETED"
  | "ASSEMBLE"
  | "ARRIVED"
  | "ARRIVED_BACKWARD"
  | "ENTRY_CANCEL"
  | "PARTIAL_CANCEL"
  | "IMEI"
  | "PRODUCT_IMPORT"
  | "UNKNOWN"

/** Answers to COMPLETED step 1 (X-Send-Code: true, empty X-Security-Code); API.md a.11, §f.10. */
export type SendCodeMode = "normal" | "empty200" | "json200" | "4xx" | "5xx" | "timeout"

export interface SendCodeAnswerConfig {
  mode: SendCodeMode
  /** how many following valid step-1 requests get this answer (default 1) */
  times?: number
  /** json200 only: the body to send (default {"data":null}) */
  body?: unknown
  /** 4xx only: the error title (default "Security code already sent") */
  title?: string
}

export interface SendCodeAnswerState {
  mode: SendCodeMode
  /** step-1 requests still to get this answer; 0 for normal */
  remaining: number
  body?: unknown
  title?: string
}

/** API.md a.1: how the 14-day creationDate limit is counted (documented mode). */
export type WindowRule = "almaty-days-inclusive" | "ms"

/** API.md a.12: what remainedQuantity 0 does to a line. */
export type ZeroQuantityLines = "keep" | "remove"

export interface RecordedAction {
  seq: number
  /** sandbox clock, ms */
  at: number
  merchantId: string | null
  method: string
  path: string
  orderId: string | null
  code: string | null
  action: ActionName
  result: "ok" | "rejected" | "fault"
  httpStatus: number
  error?: string
  /** set when a fault was injected (for "latency" the action still applied) */
  fault?: FaultKind
  /** COMPLETED step 1: whether a code went to the buyer (also when the answer was 4xx/5xx/none) */
  codeSent?: boolean
  /** COMPLETED step 1: the send-code answer mode used, when not normal */
  sendCodeAnswer?: SendCodeMode
}

export interface RecordedRequest {
  seq: number
  at: number
  merchantId: string | null
  method: string
  path: string
  query: string
  /** route pattern, e.g. "GET /v2/orders/:id" */
  route: string
  /** 0 when no response was sent (WAF hang, timeout fault, client gone) */
  status: number
  fault?: FaultKind
  blocked?: "waf"
  durationMs?: number
  /** measurement only (benches): body bytes of the answer as sent (its Content-Length); 0 when none was sent */
  responseBytes?: number
  /** measurement only: the request's User-Agent, so a bench can leave out its own calls */
  userAgent?: string
}

// ── the product content API (API.md a.14) ────────────────────────────────────────────────────

/** The import statuses as the API names them (sources conflict: UPLOADED/FINISHED/ABORTED vs PROCESSING/COMPLETED/ERROR). */
export interface ContentStatusNames {
  uploaded: string
  finished: string
  aborted: string
}

/** Per-SKU `state` names in `/products/import/result` (payload 12 shows FINISHED for an imported SKU). */
export interface ContentSkuStates {
  success: string
  error: string
  warning: string
  skipped: string
}

export interface ContentSettings {
  statusNames: ContentStatusNames
  skuStates: ContentSkuStates
  /** sandbox-clock ms from upload to FINISHED/ABORTED; fixed per import when it is received */
  processingDelayMs: number
  /** POST /products/import bodies above this are refused with 413 */
  maxBodyBytes: number
}

export interface ContentSettingsInput {
  statusNames?: Partial<ContentStatusNames>
  skuStates?: Partial<ContentSkuStates>
  processingDelayMs?: number
  maxBodyBytes?: number
}

export type ContentImportPhase = "uploaded" | "finished" | "aborted"
export type ContentSkuOutcome = "success" | "error" | "warning" | "skipped"

export interface ContentSkuResult {
  state: string
  errors?: string[]
  warnings?: string[]
}

/** `GET /products/import/result` (API.md a.14). */
export interface ContentImportResult {
  errors: number
  warnings: number
  skipped: number
  total: number
  result: Record<string, ContentSkuResult>
}

/** One import as the sandbox received it (contentImports()); status names as the API shows them now. */
export interface ContentImportRecord {
  code: string
  merchantId: string
  /** sandbox clock, ms */
  receivedAt: number
  /** sandbox clock, ms: when it becomes FINISHED or ABORTED */
  dueAt: number
  contentType: string
  /** the parsed JSON body, as sent */
  body: unknown
  phase: ContentImportPhase
  status: string
  description?: string
  result?: ContentImportResult
}

export interface KaspiSandboxOptions {
  port?: number
  host?: string
  tokens?: string[]
  merchantId?: string
  waybillDelayMs?: number
  seed?: number
  rejectDefaultUserAgent?: boolean
  /** how long a WAF-blocked request hangs before its socket is destroyed (default 1000) */
  wafHangMs?: number
  /** initial sandbox clock (ms); default real time. The clock always ticks with real time. */
  startTime?: number
  /**
   * false (default) = "Kaspi as documented": list requests in forms neither the guide nor the public
   * clients use are refused (see README). true = the old accepting behaviour, for the sandbox's own tests.
   */
  lenient?: boolean
  /** documented mode: how the 14-day window is counted (default "almaty-days-inclusive") */
  windowRule?: WindowRule
  /** remainedQuantity 0 keeps the line with quantity 0 (default "keep") or removes it */
  zeroQuantityLines?: ZeroQuantityLines
  /** the product content API: status names, per-SKU states, processing delay, import body cap (README, "Content API") */
  content?: ContentSettingsInput
  log?: (line: string) => void
}

export interface KaspiSandbox {
  origin: string
  baseUrl: string
  port: number
  /** merchant id of each configured token, in the order the tokens were given */
  merchantIds: string[]
  close(): Promise<void>
  seedOrders(input: SeedInput): SandboxOrder[]
  addOrder(input?: Partial<OrderInput>): SandboxOrder
  getOrder(code: string): SandboxOrder | undefined
  trigger(code: string, event: KaspiSideEvent, options?: KaspiEventOptions): SandboxOrder
  /** Makes the API render this order with broken attributes (to test response validation); {} and no remove = repair. */
  corruptOrder(code: string, attributes: Record<string, unknown>, options?: { remove?: string[] }): SandboxOrder
  /** Makes the API show these status/state/deliveryMode strings for the order (render only); {} clears them. */
  setRawValues(code: string, values: RawOrderValues): SandboxOrder
  setFaults(f: FaultConfig): void
  /** How the next step-1 request(s) of COMPLETED are answered; {mode:"normal"} resets. */
  setSendCodeAnswer(answer: SendCodeAnswerConfig): SendCodeAnswerState
  getSendCodeAnswer(): SendCodeAnswerState
  advanceClock(ms: number): void
  setClock(ms: number): void
  now(): number
  actions(): RecordedAction[]
  requests(): RecordedRequest[]
  /** GET /v2/orders list calls (not by-code) counted by their filter[orders][state] value(s) */
  requestCountsByState(): Record<string, number>
  /** Every POST /products/import the API took (it answered UPLOADED), oldest first. */
  contentImports(): ContentImportRecord[]
  getContentSettings(): ContentSettings
  /** Changes what is given; the rest stays. Names apply to every import from now on, the delay to new ones. */
  setContentSettings(input: ContentSettingsInput): ContentSettings
  setContentStatusNames(names: Partial<ContentStatusNames>): ContentSettings
  setContentProcessingDelay(ms: number): ContentSettings
  reset(): void
}
