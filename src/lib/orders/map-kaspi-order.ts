import type { KaspiAddress, KaspiOrder, KaspiOrderEntry } from "../../modules/kaspi/client"
import { kaspiCustomerEmail, kaspiCustomerName, normaliseKaspiPhone } from "./kaspi-customer"
import type { KaspiText } from "../../types/kaspi-texts"

/** What the import knows about a Medusa variant that a Kaspi SKU resolved to. */
export interface ResolvedVariant {
  variant_id: string
  sku?: string | null
  title?: string | null
  product_title?: string | null
  product_id?: string | null
}

export interface KaspiImportSetup {
  region_id: string
  sales_channel_id: string
  shipping_option_id?: string | null
  currency_code: string
}

export interface MapKaspiOrderContext {
  accountId: string
  /** Kaspi offer code (entries[].offer.code) → variant, after SKU mappings and SKU equality. */
  variants: Map<string, ResolvedVariant>
  setup: KaspiImportSetup
  customerId?: string
  /** Where a pickup order is handed over: the Kaspi point of service's address. */
  pickupAddress?: KaspiAddress | null
  storeId?: string | null
}

export interface MappedLineItem {
  variant_id: string
  title: string
  subtitle?: string
  variant_sku?: string
  quantity: number
  unit_price: number
  is_tax_inclusive: true
  metadata: Record<string, unknown>
}

export interface MappedKaspiOrder {
  region_id: string
  sales_channel_id: string
  customer_id?: string
  email: string
  currency_code: string
  status: "pending"
  no_notification: true
  shipping_address?: Record<string, unknown>
  items: MappedLineItem[]
  shipping_methods: Array<{
    name: string
    amount: number
    shipping_option_id?: string
    is_tax_inclusive: true
    data: Record<string, unknown>
  }>
  metadata: Record<string, unknown>
}

export type MapResult =
  | { ok: true; order: MappedKaspiOrder; expectedTotal: number }
  | { ok: false; reason: string; text: KaspiText; unmappedSkus: string[] }

/** Kaspi's point code from pickupPointId (`<merchantId>_PP1` → `PP1`). */
export function storeIdFromPickupPoint(pickupPointId: string | null | undefined, merchantId?: string): string | undefined {
  if (!pickupPointId) return undefined
  if (merchantId && pickupPointId.startsWith(`${merchantId}_`)) return pickupPointId.slice(merchantId.length + 1)
  const i = pickupPointId.lastIndexOf("_")
  return i >= 0 ? pickupPointId.slice(i + 1) : pickupPointId
}

export function deliveryLabel(attrs: KaspiOrder["attributes"]): string {
  const kaspi = attrs.isKaspiDelivery === true
  switch (attrs.deliveryMode) {
    case "DELIVERY_PICKUP":
      return kaspi ? "Kaspi Postomat" : "Pickup from the store"
    case "DELIVERY_LOCAL":
      return kaspi ? "Kaspi Delivery (city)" : "Own delivery"
    case "DELIVERY_REGIONAL_TODOOR":
      return kaspi ? "Kaspi Delivery to the door" : "Regional delivery to the door"
    case "DELIVERY_REGIONAL_PICKUP":
      return "Kaspi Delivery to a pickup point"
    default:
      return kaspi ? "Kaspi Delivery" : "Kaspi order"
  }
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim()

function toAddress(
  address: KaspiAddress | null | undefined,
  name: { first_name?: string; last_name?: string },
  phone: string | undefined,
  kind: string
): Record<string, unknown> | undefined {
  if (!address) return undefined
  const street = [clean(address.streetName), clean(address.streetNumber)].filter(Boolean).join(", ")
  const extra = [address.building && `bld. ${clean(address.building)}`, address.apartment && `apt. ${clean(address.apartment)}`]
    .filter(Boolean)
    .join(", ")
  return {
    first_name: name.first_name,
    last_name: name.last_name,
    phone,
    address_1: street || clean(address.formattedAddress) || undefined,
    address_2: extra || undefined,
    city: clean(address.town).replace(/^г\.\s*/, "") || undefined,
    province: clean(address.district) || undefined,
    country_code: "kz",
    metadata: {
      kaspi_address_kind: kind,
      formatted_address: address.formattedAddress ?? null,
      latitude: address.latitude ?? null,
      longitude: address.longitude ?? null,
    },
  }
}

/**
 * Money per line exactly as Kaspi charged it. For weighted goods Kaspi's line
 * total is price-per-kg × weight, not quantity × basePrice, so the unit price
 * is the line total divided by the quantity.
 */
export function lineUnitPrice(entry: KaspiOrderEntry): number {
  const a = entry.attributes
  if (a.totalPrice !== undefined && a.totalPrice !== null && a.quantity > 0) {
    return a.totalPrice / a.quantity
  }
  return a.basePrice
}

export function lineTotal(entry: KaspiOrderEntry): number {
  const a = entry.attributes
  return a.totalPrice ?? a.basePrice * a.quantity
}

/** The Kaspi SKU of an entry, or undefined when Kaspi did not send the offer. */
export function entrySku(entry: KaspiOrderEntry): string | undefined {
  return entry.attributes.offer?.code ?? undefined
}

/**
 * The lines that still carry goods. Kaspi may keep a line cancelled to nothing
 * with quantity 0 (API.md a.12); it is not imported, and its SKU needs no variant.
 */
export function liveEntries(order: Pick<KaspiOrder, "entries">): KaspiOrderEntry[] {
  return order.entries.filter((e) => e.attributes.quantity > 0)
}

/** Kaspi's product names of the lines with these SKUs, for a reason the merchant recognises. */
function offerNames(entries: KaspiOrderEntry[], skus: string[]): string {
  const names = entries.filter((e) => skus.includes(entrySku(e) as string)).map((e) => e.attributes.offer?.name ?? entrySku(e))
  return [...new Set(names)].join(", ")
}

/**
 * Kaspi order → createOrderWorkflow input. Pure: every lookup it needs
 * (variants, setup, customer, pickup address) is resolved beforehand.
 */
export function mapKaspiOrder(order: KaspiOrder, ctx: MapKaspiOrderContext): MapResult {
  const a = order.attributes
  const entries = liveEntries(order)
  if (!entries.length) {
    return {
      ok: false,
      reason: order.entries.length ? "every line of the Kaspi order has quantity 0" : "the Kaspi order has no entries",
      text: { code: "import.no_lines", params: { lines: order.entries.length } },
      unmappedSkus: [],
    }
  }
  const missingOffer = entries.filter((e) => !entrySku(e))
  if (missingOffer.length) {
    return {
      ok: false,
      reason: `Kaspi sent no offer code for entr${missingOffer.length > 1 ? "ies" : "y"} ${missingOffer.map((e) => e.id).join(", ")}`,
      text: { code: "import.no_offer_code", params: { products: missingOffer.map((e) => e.attributes.offer?.name ?? e.id).join(", ") } },
      unmappedSkus: [],
    }
  }
  const unmapped = [...new Set(entries.map((e) => entrySku(e) as string).filter((sku) => !ctx.variants.has(sku)))]
  if (unmapped.length) {
    return {
      ok: false,
      reason: `no Medusa variant for Kaspi SKU ${unmapped.map((s) => `"${s}"`).join(", ")}: add a SKU mapping, then retry`,
      // The merchant knows the product by Kaspi's name for it (offer.name), not only by the SKU.
      text: { code: "import.unmapped_sku", params: { skus: unmapped.join(", "), products: offerNames(entries, unmapped) } },
      unmappedSkus: unmapped,
    }
  }

  const phone = normaliseKaspiPhone(a.customer?.cellPhone)
  const name = kaspiCustomerName(a)
  const isPickup = a.deliveryMode === "DELIVERY_PICKUP" && a.isKaspiDelivery !== true
  const shippingAddress = isPickup
    ? toAddress(ctx.pickupAddress, name, phone, "pickup_point")
    : toAddress(a.deliveryAddress, name, phone, "delivery") ??
      toAddress(a.originAddress?.address, name, phone, "origin") ??
      toAddress(ctx.pickupAddress, name, phone, "pickup_point")

  const items: MappedLineItem[] = entries.map((entry) => {
    const sku = entrySku(entry) as string
    const variant = ctx.variants.get(sku) as ResolvedVariant
    const e = entry.attributes
    return {
      variant_id: variant.variant_id,
      title: variant.product_title || e.offer?.name || sku,
      subtitle: variant.title ?? undefined,
      variant_sku: variant.sku ?? undefined,
      quantity: e.quantity,
      unit_price: lineUnitPrice(entry),
      is_tax_inclusive: true,
      metadata: {
        kaspi_entry_id: entry.id,
        kaspi_sku: sku,
        kaspi_offer_name: e.offer?.name ?? null,
        kaspi_unit_type: e.unitType ?? null,
        kaspi_base_price: e.basePrice,
        kaspi_line_total: lineTotal(entry),
        kaspi_weight_grams: e.weight ?? null,
        kaspi_entry_number: e.entryNumber ?? null,
      },
    }
  })

  // Medusa's total must be what Kaspi charged. Kaspi's totalPrice normally is
  // Σ lines + deliveryCost; when it is Σ lines alone the delivery was not charged
  // to the buyer. Anything else is not guessed at: the order waits for a person.
  const linesTotal = entries.reduce((s, e) => s + lineTotal(e), 0)
  let shippingAmount = a.deliveryCost ?? 0
  if (!sameTenge(linesTotal + shippingAmount, a.totalPrice)) {
    if (sameTenge(linesTotal, a.totalPrice)) {
      shippingAmount = 0
    } else {
      return {
        ok: false,
        reason: `Kaspi's totalPrice ${a.totalPrice} ≠ lines ${linesTotal} + delivery ${a.deliveryCost ?? 0}: check the order in the Kaspi cabinet`,
        text: { code: "import.total_mismatch", params: { kaspi_total: a.totalPrice, lines_total: linesTotal, delivery: a.deliveryCost ?? 0 } },
        unmappedSkus: [],
      }
    }
  }
  const storeId = ctx.storeId ?? storeIdFromPickupPoint(a.pickupPointId)
  const metadata: Record<string, unknown> = {
    kaspi: true,
    kaspi_account_id: ctx.accountId,
    kaspi_id: order.id,
    kaspi_code: order.code,
    kaspi_state: a.state,
    kaspi_status: a.status,
    kaspi_delivery_mode: a.deliveryMode ?? null,
    kaspi_is_kaspi_delivery: a.isKaspiDelivery === true,
    kaspi_pickup_point_id: a.pickupPointId ?? null,
    kaspi_store_id: storeId ?? null,
    kaspi_pre_order: a.preOrder === true,
    kaspi_signature_required: a.signatureRequired === true,
    kaspi_payment_mode: a.paymentMode ?? null,
    kaspi_credit_term: a.creditTerm ?? null,
    kaspi_total_price: a.totalPrice,
    kaspi_delivery_cost: a.deliveryCost ?? null,
    kaspi_delivery_cost_for_seller: a.deliveryCostForSeller ?? null,
    kaspi_created_at: new Date(a.creationDate).toISOString(),
    kaspi_planned_delivery_at: a.plannedDeliveryDate ? new Date(a.plannedDeliveryDate).toISOString() : null,
    kaspi_reservation_at: a.reservationDate ? new Date(a.reservationDate).toISOString() : null,
    kaspi_customer_phone: phone ?? null,
  }

  return {
    ok: true,
    expectedTotal: a.totalPrice,
    order: {
      region_id: ctx.setup.region_id,
      sales_channel_id: ctx.setup.sales_channel_id,
      customer_id: ctx.customerId,
      email: kaspiCustomerEmail(a),
      currency_code: ctx.setup.currency_code,
      status: "pending",
      no_notification: true,
      shipping_address: shippingAddress,
      items,
      shipping_methods: [
        {
          name: deliveryLabel(a),
          amount: shippingAmount,
          shipping_option_id: ctx.setup.shipping_option_id ?? undefined,
          is_tax_inclusive: true,
          data: { kaspi_delivery_mode: a.deliveryMode ?? null, kaspi_is_kaspi_delivery: a.isKaspiDelivery === true },
        },
      ],
      metadata,
    },
  }
}

/** Equal to the tenge (KZT has no minor unit in Kaspi's prices). */
export function sameTenge(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.5
}
