// JSON:API envelopes and resource renderers, shaped like the guide payloads (payloads/01–11).
// `api` is the absolute API base built from the request origin: `${origin}/shop/api`.

import { cityIdOf, masterProductIdOf, merchantProductIdOf } from "./ids"
import { cityByCode } from "./kazakh-data"
import type { StoreInfo } from "./order-factory"
import type { OrderVariants, SandboxAddress, SandboxCity, SandboxEntry, SandboxOrder } from "./types"
import { GUIDE_EXAMPLE_VARIANTS, pointOfServiceIdIn } from "./variants"

export type Json = Record<string, unknown>

export interface RenderContext {
  api: string
  storeInfo(merchantId: string, storeId: string): StoreInfo
}

export function errorBody(title: string, detail?: string): Json {
  return { errors: [detail ? { title, detail } : { title }] }
}

export function single(data: Json, included: Json[] = []): Json {
  return { data, included }
}

export function list(data: Json[], included: Json[], meta?: { pageCount: number; totalCount: number }): Json {
  return meta ? { data, included, meta } : { data, included }
}

function rel(selfBase: string, name: string): { self: string; related: string } {
  return { self: `${selfBase}/relationships/${name}`, related: `${selfBase}/${name}` }
}

export function waybillUrl(api: string, token: string | null): string | null {
  return token ? `${api}/waybill/${token}` : null
}

function cityAttributes(city: SandboxCity): Json {
  return { code: city.code, name: city.name, active: true }
}

export function originAddress(ctx: RenderContext, order: SandboxOrder): Json {
  const store = ctx.storeInfo(order.merchantId, order.storeId)
  const city = cityByCode(store.cityCode)
  const v = order.variants
  return {
    // API.md a.1 / appendix: originAddress.id may be null; its form follows the order's POS id form (a.0, a.8).
    id: v.originAddress === "nullId" ? null : pointOfServiceIdIn(v.pointOfServiceId, order.merchantId, order.storeId),
    displayName: order.storeId,
    address: { ...store.address },
    city: city ? { id: cityIdOf(city.code), ...cityAttributes(city) } : null,
  }
}

/** API.md a.1 "nulls common": only formattedAddress (and the apartment) survive. */
function sparseAddress(addr: SandboxAddress): SandboxAddress {
  return { ...addr, streetName: null, streetNumber: null, town: null, district: null, building: null, latitude: null, longitude: null }
}

export function orderAttributes(ctx: RenderContext, o: SandboxOrder): Json {
  const v = o.variants
  const a: Json = {
    code: o.code,
    totalPrice: o.totalPrice,
    paymentMode: o.paymentMode,
  }
  if (o.creditTerm !== null) a.creditTerm = o.creditTerm
  a.creationDate = o.creationDate
  // API.md appendix: plannedDeliveryDate, reservationDate and deliveryAddress are `|null`; some
  // orders say null where the guide examples leave the field out.
  if (o.plannedDeliveryDate !== null || v.explicitNulls) a.plannedDeliveryDate = o.plannedDeliveryDate
  a.deliveryCostForSeller = o.deliveryCostForSeller
  if (o.reservationDate !== null || v.explicitNulls) a.reservationDate = o.reservationDate
  a.isKaspiDelivery = o.isKaspiDelivery
  a.deliveryMode = o.deliveryMode
  if (o.deliveryAddress) a.deliveryAddress = v.sparseDeliveryAddress ? sparseAddress(o.deliveryAddress) : { ...o.deliveryAddress }
  else if (v.explicitNulls) a.deliveryAddress = null
  a.signatureRequired = o.signatureRequired
  a.preOrder = o.preOrder
  a.pickupPointId = o.pickupPointId
  a.state = o.state
  a.approvedByBankDate = o.approvedByBankDate
  a.status = o.status
  if (o.cancellationReason) a.cancellationReason = o.cancellationReason
  a.customer = {
    // API.md appendix: customer.id is optional.
    id: v.nullCustomerId ? null : o.customer.id,
    name: o.customer.name,
    cellPhone: o.customer.cellPhone,
    firstName: o.customer.firstName,
    lastName: o.customer.lastName,
  }
  a.deliveryCost = o.deliveryCost
  a.assembled = o.assembled
  if (o.numberOfSpace !== null) a.numberOfSpace = o.numberOfSpace
  if (o.isKaspiDelivery && v.originAddress !== "absent") a.originAddress = originAddress(ctx, o)
  if (o.kaspiDelivery) a.kaspiDelivery = kaspiDeliveryAttributes(ctx, o)
  // (b): the status set is open-ended; POST /__sandbox/orders/:code/raw shows values the plugin doesn't know.
  if (o.rawValues) Object.assign(a, o.rawValues)
  if (o.corruption) {
    for (const k of o.corruption.remove) delete a[k]
    Object.assign(a, o.corruption.set)
  }
  return a
}

export function kaspiDeliveryAttributes(ctx: RenderContext, o: SandboxOrder): Json | null {
  const kd = o.kaspiDelivery
  if (!kd) return null
  return {
    waybill: waybillUrl(ctx.api, kd.waybillToken),
    courierTransmissionDate: kd.courierTransmissionDate,
    courierTransmissionPlanningDate: kd.courierTransmissionPlanningDate,
    waybillNumber: kd.waybillNumber,
    express: kd.express,
    returnedToWarehouse: kd.returnedToWarehouse,
    firstMileCourier: kd.firstMileCourier,
  }
}

export function orderResource(ctx: RenderContext, o: SandboxOrder, options: { entriesData: boolean }): Json {
  const self = `${ctx.api}/v2/orders/${o.id}`
  const entries: Json = { links: rel(self, "entries") }
  if (options.entriesData) entries.data = o.entries.map((e) => ({ type: "orderentries", id: e.id }))
  return {
    type: "orders",
    id: o.id,
    attributes: orderAttributes(ctx, o),
    relationships: {
      entries,
      user: { links: rel(self, "user"), data: { type: "customers", id: o.customer.id } },
    },
    links: { self },
  }
}

/** The echo of POST /v2/orders (payload 10): only what the write touched, user data null. */
export function statusChangeResource(ctx: RenderContext, o: SandboxOrder, attributes: Json): Json {
  const self = `${ctx.api}/v2/orders/${o.id}`
  return {
    type: "orders",
    id: o.id,
    attributes,
    relationships: {
      user: { links: rel(self, "user"), data: null },
      entries: { links: rel(self, "entries") },
    },
    links: { self },
  }
}

export function entryAttributes(e: SandboxEntry, v: OrderVariants = GUIDE_EXAMPLE_VARIANTS): Json {
  const a: Json = { unitType: e.unitType }
  if (e.minAllowedWeight !== null) a.minAllowedWeight = e.minAllowedWeight
  // API.md a.4 / appendix: offer.name and category are optional on entries.
  a.offer = { code: e.sku, name: v.nullOfferName.includes(e.entryNumber) ? null : e.name }
  a.quantity = e.quantity
  a.totalPrice = e.totalPrice
  a.weight = e.weight
  a.entryNumber = e.entryNumber
  a.category = v.nullCategory.includes(e.entryNumber) ? null : { code: e.category.code, title: e.category.title }
  a.deliveryCost = e.deliveryCost
  a.basePrice = e.basePrice
  a.isImeiRequired = e.isImeiRequired
  return a
}

export function entryResource(ctx: RenderContext, o: SandboxOrder, e: SandboxEntry): Json {
  const self = `${ctx.api}/v2/orderentries/${e.id}`
  return {
    type: "orderentries",
    id: e.id,
    attributes: entryAttributes(e, o.variants),
    relationships: {
      product: { links: rel(self, "product"), data: { type: "masterproducts", id: masterProductIdOf(e.productCode) } },
      deliveryPointOfService: {
        links: rel(self, "deliveryPointOfService"),
        // API.md a.0, a.4, a.8: base64 or the plain "16483752_PP1" form, per order.
        data: { type: "pointofservices", id: pointOfServiceIdIn(o.variants.pointOfServiceId, o.merchantId, e.storeId) },
      },
    },
    links: { self },
  }
}

export function customerResource(ctx: RenderContext, o: SandboxOrder): Json {
  return {
    type: "customers",
    id: o.customer.id,
    attributes: { firstName: o.customer.firstName, lastName: o.customer.lastName, cellPhone: o.customer.cellPhone },
    relationships: {},
    links: { self: `${ctx.api}/v2/customers/${o.customer.id}` },
  }
}

export function masterProductResource(
  ctx: RenderContext,
  productCode: string,
  p: { name: string; manufacturer: string | null; categoryTitle: string }
): Json {
  const id = masterProductIdOf(productCode)
  const self = `${ctx.api}/v2/masterproducts/${id}`
  const attributes: Json = { code: productCode, name: p.name }
  if (p.manufacturer) attributes.manufacturer = p.manufacturer
  attributes.category = p.categoryTitle
  return {
    type: "masterproducts",
    id,
    attributes,
    relationships: { merchantProduct: { links: rel(self, "merchantProduct"), data: null } },
    links: { self },
  }
}

export function merchantProductResource(ctx: RenderContext, merchantId: string, p: { sku: string; name: string; manufacturer: string | null }): Json {
  const id = merchantProductIdOf(merchantId, p.sku)
  const attributes: Json = { code: p.sku, name: p.name }
  if (p.manufacturer) attributes.manufacturer = p.manufacturer
  return { type: "merchantproducts", id, attributes, relationships: {}, links: { self: `${ctx.api}/v2/merchantproducts/${id}` } }
}

export function pointOfServiceResource(
  ctx: RenderContext,
  merchantId: string,
  store: StoreInfo,
  form: OrderVariants["pointOfServiceId"] = "base64"
): Json {
  const id = pointOfServiceIdIn(form, merchantId, store.storeId)
  const self = `${ctx.api}/v2/pointofservices/${id}`
  return {
    type: "pointofservices",
    id,
    attributes: { address: { ...store.address }, displayName: store.storeId },
    relationships: { city: { links: rel(self, "city"), data: { type: "cities", id: cityIdOf(store.cityCode) } } },
    links: { self },
  }
}

export function cityResource(ctx: RenderContext, city: SandboxCity): Json {
  const id = cityIdOf(city.code)
  return { type: "cities", id, attributes: cityAttributes(city), links: { self: `${ctx.api}/v2/cities/${id}` } }
}
