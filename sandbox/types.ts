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
  completedAt: number | null
  /** ASSEMBLE bookkeeping: the waybill appears when real time or the sandbox clock pass these */
  waybillDueRealTime: number | null
  waybillDueClockTime: number | null
  /** render-only damage set by corruptOrder(): the API shows these attributes instead (state is unaffected) */
  corruption: OrderCorruption | null
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

export interface KaspiEventOptions {
  /** for cancellations: skip CANCELLING and go straight to CANCELLED */
  immediate?: boolean
  /** for cancellations: override the cancellation reason */
  reason?: string
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
  | "UNKNOWN"

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
  setFaults(f: FaultConfig): void
  advanceClock(ms: number): void
  setClock(ms: number): void
  now(): number
  actions(): RecordedAction[]
  requests(): RecordedRequest[]
  reset(): void
}
