// Builds one realistic order from a (partial) OrderInput and a seeded PRNG. Used by the seed
// generator and by addOrder(). Every field not given is drawn from the PRNG, so the same
// input and seed always give the same order.

import { customerIdOf, entryIdOf, orderIdOf } from "./ids"
import {
  CITIES,
  DEFAULT_CATALOG,
  FIRST_NAMES,
  GENERIC_CATEGORIES,
  LAST_NAMES,
  PHONE_PREFIXES,
  SEEDED_CANCEL_REASONS,
  STORE_CITY_ORDER,
  STREETS,
  WEIGHTED_CATEGORY,
  cityByCode,
  type CatalogItem,
} from "./kazakh-data"
import { chance, hashString, mulberry32, pick, pickWeighted, randInt, type Rng } from "./prng"
import { defaultStateFor, isPostCompletion } from "./state-machine"
import { GUIDE_EXAMPLE_VARIANTS, variantsFor } from "./variants"
import type {
  DeliveryKind,
  DeliveryMode,
  EntryInput,
  KaspiOrderStatus,
  OrderInput,
  SandboxAddress,
  SandboxCity,
  SandboxEntry,
  SandboxOrder,
  SeedMix,
  SkuInput,
  UnitType,
} from "./types"

const DAY = 24 * 60 * 60 * 1000
export const MASKED_PHONE = "+0(000)-000-00-00"

export interface StoreInfo {
  storeId: string
  cityCode: string
  address: SandboxAddress
}

export interface FactoryContext {
  merchantId: string
  rng: Rng
  /** sandbox clock now */
  now: number
  storeInfo(storeId: string): StoreInfo
  /** products to draw from when no entries are given */
  catalog: readonly CatalogItem[]
  /** seeding draws progress too (assembled, waybills, couriers); addOrder keeps defaults plain */
  randomizeProgress: boolean
  mix?: SeedMix
  stores: readonly string[]
  /** allocates a waybill token + number */
  newWaybill(): { token: string; number: string }
}

export const DEFAULT_DELIVERY_MIX: Record<DeliveryKind, number> = {
  pickup: 35,
  merchantDelivery: 15,
  kaspiDelivery: 20,
  regionalTodoor: 15,
  postomat: 10,
  regionalPickup: 5,
}

export const DEFAULT_STATUS_MIX: Partial<Record<KaspiOrderStatus, number>> = {
  APPROVED_BY_BANK: 35,
  ACCEPTED_BY_MERCHANT: 35,
  COMPLETED: 15,
  CANCELLED: 8,
  CANCELLING: 2,
  KASPI_DELIVERY_RETURN_REQUESTED: 2,
  RETURNED: 3,
}

const KIND_TO_MODE: Record<DeliveryKind, { mode: DeliveryMode; kaspi: boolean }> = {
  pickup: { mode: "DELIVERY_PICKUP", kaspi: false },
  merchantDelivery: { mode: "DELIVERY_LOCAL", kaspi: false },
  kaspiDelivery: { mode: "DELIVERY_LOCAL", kaspi: true },
  regionalTodoor: { mode: "DELIVERY_REGIONAL_TODOOR", kaspi: true },
  postomat: { mode: "DELIVERY_PICKUP", kaspi: true },
  regionalPickup: { mode: "DELIVERY_REGIONAL_PICKUP", kaspi: true },
}

export function defaultKaspiDeliveryFor(mode: DeliveryMode): boolean {
  return mode === "DELIVERY_REGIONAL_TODOOR" || mode === "DELIVERY_REGIONAL_PICKUP"
}

const round2 = (n: number): number => Math.round(n * 100) / 100
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6

// ---------------------------------------------------------------------------------------------
// addresses, stores, people

export function makeAddress(rng: Rng, city: SandboxCity, options: { apartment: boolean }): SandboxAddress {
  const street = pick(rng, STREETS)
  const number = String(randInt(rng, 1, 240)) + (chance(rng, 0.15) ? pick(rng, ["А", "Б", "/1", "/2"]) : "")
  // Kaspi sometimes returns street values with a leading space (payloads 02, 09).
  const leadingSpace = chance(rng, 0.3)
  const town = chance(rng, 0.5) ? `г. ${city.name}` : city.name
  const apartment = options.apartment && chance(rng, 0.6) ? String(randInt(rng, 1, 180)) : null
  const formatted = `${town}, ${street}, ${number}` + (apartment ? `, кв. ${apartment}` : "")
  return {
    streetName: leadingSpace ? ` ${street}` : street,
    streetNumber: leadingSpace ? ` ${number}` : number,
    town,
    district: null,
    building: null,
    apartment,
    formattedAddress: formatted,
    latitude: round6(city.latitude + (rng() - 0.5) * 0.08),
    longitude: round6(city.longitude + (rng() - 0.5) * 0.08),
  }
}

/** Point of sale data, derived only from (merchantId, storeId): PP1 → Алматы, PP2 → Астана, … */
export function makeStoreInfo(merchantId: string, storeId: string): StoreInfo {
  const m = /^PP(\d+)$/i.exec(storeId)
  const index = m ? Math.max(0, Number(m[1]) - 1) : hashString(storeId)
  const cityCode = STORE_CITY_ORDER[index % STORE_CITY_ORDER.length]
  const city = cityByCode(cityCode) ?? CITIES[0]
  const rng = mulberry32(hashString(`${merchantId}|${storeId}`))
  return { storeId, cityCode, address: makeAddress(rng, city, { apartment: false }) }
}

function makeCustomer(rng: Rng, overrides: OrderInput["customer"]): { customer: SandboxOrder["customer"]; phone: string } {
  const person = pick(rng, FIRST_NAMES)
  const pair = pick(rng, LAST_NAMES[person.origin])
  const firstName = overrides?.firstName ?? person.first
  const lastName = overrides?.lastName ?? (person.gender === "m" ? pair[0] : pair[1])
  const phone = overrides?.cellPhone ?? pick(rng, PHONE_PREFIXES) + String(randInt(rng, 0, 9_999_999)).padStart(7, "0")
  const name = overrides?.name !== undefined ? overrides.name : chance(rng, 0.25) ? firstName : null
  return { customer: { id: customerIdOf(phone), name, cellPhone: phone, firstName, lastName }, phone }
}

// ---------------------------------------------------------------------------------------------
// catalog & entries

export function catalogFromSkus(skus: readonly SkuInput[]): CatalogItem[] {
  return skus.map((s) => {
    const h = hashString(s.sku)
    return {
      sku: s.sku,
      name: s.name ?? `Товар ${s.sku}`,
      manufacturer: s.manufacturer ?? "NoName",
      productCode: s.productCode ?? String(100_000_000 + (h % 900_000_000)),
      category: s.category ?? (s.weighted ? WEIGHTED_CATEGORY : GENERIC_CATEGORIES[h % GENERIC_CATEGORIES.length]),
      price: s.price,
      unitType: s.weighted ? "MEASURABLE" : "PIECES",
      isImeiRequired: false,
    }
  })
}

export function isWeighted(unitType: UnitType): boolean {
  return unitType === "MEASURABLE" || unitType === "MEASURABLE_PIECES"
}

/** Line total: quantity × basePrice for pieces; basePrice (per kg) × weight (g) / 1000, to the tenge, for weighted goods. */
export function entryTotal(unitType: UnitType, basePrice: number, quantity: number, weight: number): number {
  if (isWeighted(unitType)) return Math.round((basePrice * weight) / 1000)
  return round2(basePrice * quantity)
}

function buildEntry(
  rng: Rng,
  input: EntryInput,
  catalog: readonly CatalogItem[],
  entryNumber: number,
  defaultStoreId: string
): SandboxEntry {
  const known = catalog.find((c) => c.sku === input.sku) ?? DEFAULT_CATALOG.find((c) => c.sku === input.sku)
  const h = hashString(input.sku)
  let unitType: UnitType
  if (input.unitType) unitType = input.unitType
  else if (input.weighted === true) unitType = known && isWeighted(known.unitType) ? known.unitType : "MEASURABLE"
  else if (input.weighted === false) unitType = "PIECES"
  else unitType = known?.unitType ?? "PIECES"
  const weighted = isWeighted(unitType)
  const quantity =
    input.quantity ?? (unitType === "MEASURABLE" ? 1 : unitType === "MEASURABLE_PIECES" ? randInt(rng, 1, 3) : chance(rng, 0.8) ? 1 : randInt(rng, 2, 3))
  const basePrice = input.basePrice ?? known?.price ?? randInt(rng, 100, 5000) * 10
  let weight = 0
  if (weighted) {
    weight =
      input.weight ??
      (unitType === "MEASURABLE" ? randInt(rng, 30, 250) * 10 : quantity * randInt(rng, 80, 150) * 10)
  } else if (input.weight !== undefined) {
    weight = input.weight
  }
  const category = input.category ?? known?.category ?? (weighted ? WEIGHTED_CATEGORY : GENERIC_CATEGORIES[h % GENERIC_CATEGORIES.length])
  return {
    id: "",
    entryNumber,
    sku: input.sku,
    name: input.name ?? known?.name ?? `Товар ${input.sku}`,
    productCode: input.productCode ?? known?.productCode ?? String(100_000_000 + (h % 900_000_000)),
    manufacturer: input.manufacturer ?? known?.manufacturer ?? null,
    unitType,
    quantity,
    basePrice,
    totalPrice: entryTotal(unitType, basePrice, quantity, weight),
    weight,
    minAllowedWeight: weighted ? Math.round((weight * 0.9) / 10) * 10 : null,
    category,
    deliveryCost: input.deliveryCost ?? 0,
    isImeiRequired: input.isImeiRequired ?? known?.isImeiRequired ?? false,
    storeId: input.storeId ?? defaultStoreId,
    imei: [],
  }
}

function drawEntries(rng: Rng, catalog: readonly CatalogItem[]): EntryInput[] {
  const count = Math.min(catalog.length, Number(pickWeighted(rng, { "1": 60, "2": 30, "3": 10 })))
  const chosen: CatalogItem[] = []
  while (chosen.length < count) {
    const item = pick(rng, catalog)
    if (!chosen.includes(item)) chosen.push(item)
  }
  return chosen.map((c) => ({ sku: c.sku }))
}

export function recalculateTotals(order: SandboxOrder): void {
  const lines = order.entries.reduce((s, e) => s + e.totalPrice, 0)
  order.totalPrice = round2(lines + order.deliveryCost)
}

export function assignIdentity(order: SandboxOrder, orderNo: number, code: string): void {
  order.orderNo = orderNo
  order.id = orderIdOf(orderNo)
  order.code = code
  for (const e of order.entries) e.id = entryIdOf(orderNo, e.entryNumber)
  // The render variants hang on the code, so a seed gives the same mix every time.
  order.variants = variantsFor(code, order.entries.map((e) => e.entryNumber))
}

// ---------------------------------------------------------------------------------------------
// the order

export function buildOrder(input: OrderInput, ctx: FactoryContext): SandboxOrder {
  const rng = ctx.rng

  let deliveryMode: DeliveryMode
  let isKaspiDelivery: boolean
  if (input.deliveryMode) {
    deliveryMode = input.deliveryMode
    isKaspiDelivery = input.isKaspiDelivery ?? defaultKaspiDeliveryFor(deliveryMode)
  } else {
    const kind = pickWeighted(rng, ctx.mix?.deliveryModes ?? DEFAULT_DELIVERY_MIX)
    deliveryMode = KIND_TO_MODE[kind].mode
    isKaspiDelivery = input.isKaspiDelivery ?? KIND_TO_MODE[kind].kaspi
  }

  const status: KaspiOrderStatus =
    input.status ?? (ctx.randomizeProgress ? pickWeighted(rng, ctx.mix?.statuses ?? DEFAULT_STATUS_MIX) : "APPROVED_BY_BANK")

  const credit = input.paymentMode ? input.paymentMode === "PAY_WITH_CREDIT" : chance(rng, ctx.mix?.credit ?? 0.4)
  const paymentMode = credit ? "PAY_WITH_CREDIT" : "PREPAID"
  const creditTerm = credit ? input.creditTerm ?? pick(rng, [3, 6, 12, 24]) : null
  // addOrder keeps plain defaults (no pending signature, no pre-order) so tests get what they ask for.
  const signatureRequired =
    input.signatureRequired ??
    (ctx.randomizeProgress && credit && status === "APPROVED_BY_BANK" && chance(rng, ctx.mix?.signatureRequired ?? 0.15))
  const preOrder = input.preOrder ?? (ctx.randomizeProgress && chance(rng, ctx.mix?.preOrder ?? 0.05))

  const storeId = input.storeId ?? pick(rng, ctx.stores)
  const store = ctx.storeInfo(storeId)
  const regional = deliveryMode === "DELIVERY_REGIONAL_TODOOR" || deliveryMode === "DELIVERY_REGIONAL_PICKUP"
  let cityCode = input.cityCode ?? store.cityCode
  if (!input.cityCode && regional) {
    const others = CITIES.filter((c) => c.code !== store.cityCode)
    cityCode = pick(rng, others).code
  }
  const city = cityByCode(cityCode) ?? CITIES[0]

  const creationDate = input.creationDate ?? ctx.now
  const approvedByBankDate = input.approvedByBankDate ?? creationDate + randInt(rng, 3_000, 90_000)
  const toDoor = deliveryMode === "DELIVERY_LOCAL" || deliveryMode === "DELIVERY_REGIONAL_TODOOR"
  const plannedDeliveryDate =
    input.plannedDeliveryDate !== undefined
      ? input.plannedDeliveryDate
      : toDoor || isKaspiDelivery
        ? creationDate + randInt(rng, 1, 3) * DAY + randInt(rng, 0, 8) * 3_600_000
        : null
  const reservationDate =
    input.reservationDate !== undefined
      ? input.reservationDate
      : preOrder
        ? creationDate + randInt(rng, 5, 14) * DAY
        : !isKaspiDelivery && !toDoor
          ? creationDate + randInt(rng, 72, 120) * 3_600_000
          : null

  const { customer, phone } = makeCustomer(rng, input.customer)

  const entryInputs = input.entries && input.entries.length > 0 ? input.entries : drawEntries(rng, ctx.catalog)
  const entries = entryInputs.map((e, i) => buildEntry(rng, e, ctx.catalog, i, storeId))

  const deliveryCost = input.deliveryCost ?? (deliveryMode === "DELIVERY_LOCAL" && !isKaspiDelivery ? pick(rng, [0, 0, 500, 1000]) : 0)
  const deliveryCostForSeller = input.deliveryCostForSeller ?? (isKaspiDelivery ? pick(rng, [595, 895, 1095, 1495, 1995]) : 0)

  const deliveryAddress = toDoor ? makeAddress(rng, city, { apartment: true }) : null

  const postCompletion = isPostCompletion(status)
  const assembled =
    input.assembled ??
    (isKaspiDelivery &&
      (postCompletion ||
        (ctx.randomizeProgress && (status === "ACCEPTED_BY_MERCHANT" || status === "CANCELLING") && chance(rng, 0.35))))
  const numberOfSpace = assembled ? input.numberOfSpace ?? randInt(rng, 1, 2) : null
  let kaspiDelivery: SandboxOrder["kaspiDelivery"] = null
  if (isKaspiDelivery) {
    const wb = assembled ? ctx.newWaybill() : null
    const courierDone = assembled && (postCompletion || (ctx.randomizeProgress && chance(rng, 0.4)))
    kaspiDelivery = {
      waybillToken: wb ? wb.token : null,
      waybillNumber: wb ? wb.number : null,
      courierTransmissionDate: courierDone ? approvedByBankDate + randInt(rng, 4, 30) * 3_600_000 : null,
      courierTransmissionPlanningDate: creationDate + DAY,
      express: input.express ?? (deliveryMode === "DELIVERY_LOCAL" && chance(rng, 0.1)),
      returnedToWarehouse: false,
      firstMileCourier: null,
    }
  }

  let cancellationReason: string | null = null
  if (status === "CANCELLED" || status === "CANCELLING") {
    cancellationReason =
      input.cancellationReason ??
      pick(
        rng,
        SEEDED_CANCEL_REASONS.filter(
          (r) => !(isKaspiDelivery && (r === "BUYER_NOT_REACHABLE" || r === "TIMEOUT_BUYER_PICKUP"))
        )
      )
  } else if (input.cancellationReason) {
    cancellationReason = input.cancellationReason
  }

  const state = input.state ?? defaultStateFor(status, deliveryMode, isKaspiDelivery, signatureRequired)

  const order: SandboxOrder = {
    merchantId: ctx.merchantId,
    orderNo: 0,
    id: "",
    code: "",
    totalPrice: 0,
    paymentMode,
    creditTerm,
    creationDate,
    approvedByBankDate,
    plannedDeliveryDate,
    reservationDate,
    state,
    status,
    deliveryMode,
    isKaspiDelivery,
    deliveryCost,
    deliveryCostForSeller,
    deliveryAddress,
    storeId,
    pickupPointId: `${ctx.merchantId}_${storeId}`,
    cityCode,
    assembled,
    numberOfSpace,
    signatureRequired,
    preOrder,
    arrived: input.arrived ?? (preOrder && postCompletion),
    customer,
    realCellPhone: phone,
    cancellationReason,
    cancellationComment: null,
    returnedToWarehouse: false,
    pendingCancellation: false,
    kaspiDelivery,
    securityCode: null,
    securityCodeSentAt: null,
    codesSent: 0,
    completedAt: postCompletion ? approvedByBankDate + randInt(rng, 1, 3) * DAY : null,
    waybillDueRealTime: null,
    waybillDueClockTime: null,
    corruption: null,
    rawValues: null,
    variants: { ...GUIDE_EXAMPLE_VARIANTS },
    entries,
  }
  if (state === "ARCHIVE") order.customer.cellPhone = MASKED_PHONE
  recalculateTotals(order)
  return order
}
