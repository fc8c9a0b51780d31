import { z } from "@medusajs/framework/zod"

/**
 * Zod schemas for what the Kaspi Shop API really sends (../shared/kaspi/payloads).
 * Objects are loose: unknown fields are kept (Kaspi's field placement drifts,
 * API.md e.13) and every field Kaspi may leave out is optional or nullable.
 * What the plugin cannot work without (ids, code, money, dates, quantities)
 * is required and typed, so a broken payload is rejected with a reason instead
 * of being half-imported.
 */

export const KASPI_ORDER_STATES = ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"] as const
export const KASPI_ORDER_STATUSES = [
  "APPROVED_BY_BANK",
  "ACCEPTED_BY_MERCHANT",
  "COMPLETED",
  "CANCELLED",
  "CANCELLING",
  "KASPI_DELIVERY_RETURN_REQUESTED",
  "RETURN_ACCEPTED_BY_MERCHANT",
  "RETURNED",
] as const
export const KASPI_DELIVERY_MODES = [
  "DELIVERY_LOCAL",
  "DELIVERY_PICKUP",
  "DELIVERY_REGIONAL_TODOOR",
  "DELIVERY_REGIONAL_PICKUP",
] as const
export const KASPI_CANCELLATION_REASONS = [
  "BUYER_CANCELLATION_BY_MERCHANT",
  "BUYER_NOT_REACHABLE",
  "MERCHANT_OUT_OF_STOCK",
] as const
export const KASPI_PARTIAL_CANCEL_REASONS = [...KASPI_CANCELLATION_REASONS, "PRODUCT_UNDERWEIGHT"] as const

export type KaspiOrderState = (typeof KASPI_ORDER_STATES)[number]
export type KaspiOrderStatus = (typeof KASPI_ORDER_STATUSES)[number]
export type KaspiCancellationReason = (typeof KASPI_CANCELLATION_REASONS)[number]
export type KaspiPartialCancelReason = (typeof KASPI_PARTIAL_CANCEL_REASONS)[number]

const money = z.number().finite().nonnegative()
// Up to the largest instant a JS Date holds: a bigger "timestamp" is not a date and
// would only fail later, in the database write, without the order being kept.
const epochMs = z.number().int().nonnegative().max(8.64e15)
const optionalText = z.string().nullish()
// Kaspi's codes are digit strings; a number would lose leading zeros, so accept and normalise it.
const code = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String)

const linksSchema = z.looseObject({ self: z.string().optional(), related: z.string().optional() })
const identifierSchema = z.looseObject({ type: z.string(), id: z.string().min(1) })
const relationshipSchema = z.looseObject({
  links: linksSchema.optional(),
  data: z.union([identifierSchema, z.array(identifierSchema), z.null()]).optional(),
})
const relationshipsSchema = z.record(z.string(), relationshipSchema)

export const kaspiAddressSchema = z.looseObject({
  streetName: optionalText,
  streetNumber: optionalText,
  town: optionalText,
  district: optionalText,
  building: optionalText,
  apartment: optionalText,
  formattedAddress: optionalText,
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
})

// Nested objects are read tolerantly (API.md e.13): a null or missing id, code or
// name there must not stop an imported order from following Kaspi.
export const kaspiCitySchema = z.looseObject({
  id: optionalText,
  code: code.nullish(),
  name: optionalText,
  active: z.boolean().nullish(),
})

export const kaspiCustomerSchema = z.looseObject({
  id: optionalText,
  name: optionalText,
  cellPhone: optionalText,
  firstName: optionalText,
  lastName: optionalText,
})

export const kaspiDeliverySchema = z.looseObject({
  // An absolute https URL on kaspi.kz (API.md a.1, a.11). Read as text here; parseOrdersPage keeps it only
  // when it is Kaspi's or the configured API's (waybill-url.ts) and drops it otherwise, keeping the order.
  waybill: optionalText,
  waybillNumber: optionalText,
  courierTransmissionDate: epochMs.nullish(),
  courierTransmissionPlanningDate: epochMs.nullish(),
  express: z.boolean().nullish(),
  returnedToWarehouse: z.boolean().nullish(),
  firstMileCourier: optionalText,
})

export const kaspiOrderAttributesSchema = z.looseObject({
  code,
  totalPrice: money,
  state: z.string().min(1),
  status: z.string().min(1),
  creationDate: epochMs,
  paymentMode: optionalText,
  creditTerm: z.number().int().nullish(),
  approvedByBankDate: epochMs.nullish(),
  plannedDeliveryDate: epochMs.nullish(),
  reservationDate: epochMs.nullish(),
  cancellationReason: optionalText,
  deliveryMode: optionalText,
  isKaspiDelivery: z.boolean().nullish(),
  deliveryCost: money.nullish(),
  deliveryCostForSeller: money.nullish(),
  deliveryAddress: kaspiAddressSchema.nullish(),
  signatureRequired: z.boolean().nullish(),
  preOrder: z.boolean().nullish(),
  assembled: z.boolean().nullish(),
  pickupPointId: optionalText,
  customer: kaspiCustomerSchema.nullish(),
  originAddress: z
    .looseObject({
      id: optionalText,
      displayName: optionalText,
      address: kaspiAddressSchema.nullish(),
      city: kaspiCitySchema.nullish(),
    })
    .nullish(),
  kaspiDelivery: kaspiDeliverySchema.nullish(),
  numberOfSpace: z.union([z.number(), z.string()]).nullish(),
})

export const kaspiOrderEntryAttributesSchema = z.looseObject({
  // 0 is a line Kaspi keeps after a partial cancel to nothing (API.md a.12): read, never imported.
  quantity: z.number().int().nonnegative(),
  basePrice: money,
  totalPrice: money.nullish(),
  unitType: optionalText,
  weight: z.number().finite().nonnegative().nullish(),
  minAllowedWeight: z.number().finite().nonnegative().nullish(),
  entryNumber: z.number().int().nonnegative().nullish(),
  deliveryCost: money.nullish(),
  isImeiRequired: z.boolean().nullish(),
  category: z.looseObject({ code: optionalText, title: optionalText }).nullish(),
  // No offer code is read as "no SKU": the import then waits for a person, with the reason.
  offer: z
    .looseObject({ code: code.nullish(), name: optionalText, isImeiRequired: z.boolean().nullish() })
    .nullish(),
})

function resource<T extends z.ZodType>(type: string, attributes: T) {
  return z.looseObject({
    type: z.literal(type),
    id: z.string().min(1),
    attributes,
    relationships: relationshipsSchema.optional(),
    links: linksSchema.optional(),
  })
}

export const kaspiOrderResourceSchema = resource("orders", kaspiOrderAttributesSchema)
export const kaspiOrderEntryResourceSchema = resource("orderentries", kaspiOrderEntryAttributesSchema)
export const kaspiCityResourceSchema = resource(
  "cities",
  z.looseObject({ code, name: optionalText, active: z.boolean().nullish() })
)

/** A resource whose attributes are not checked yet: list envelopes are split per item. */
const anyResourceSchema = z.looseObject({
  type: z.string(),
  id: z.string().min(1),
  attributes: z.record(z.string(), z.unknown()).optional(),
  relationships: relationshipsSchema.optional(),
  links: linksSchema.optional(),
})

export const kaspiListEnvelopeSchema = z.looseObject({
  data: z.array(anyResourceSchema),
  included: z.array(anyResourceSchema).nullish(),
  meta: z
    .looseObject({ pageCount: z.number().int().nonnegative(), totalCount: z.number().int().nonnegative() })
    .optional(),
})

/**
 * The orders list page as a whole: only what paging needs is checked here.
 * Each order and entry is checked on its own afterwards (parseOrdersPage), so
 * one broken order (a missing id, a wrong type anywhere) cannot reject the
 * page and stop every other order in it from being imported.
 */
export const kaspiOrdersPageEnvelopeSchema = z.looseObject({
  data: z.array(z.unknown()),
  included: z.array(z.unknown()).nullish(),
  meta: z
    .looseObject({ pageCount: z.number().int().nonnegative(), totalCount: z.number().int().nonnegative() })
    .optional(),
})

/** POST /v2/orders answers with the order resource, often with only code and status. */
export const kaspiStatusChangeResponseSchema = z.looseObject({
  data: z.looseObject({
    type: z.string(),
    id: z.string().min(1),
    attributes: z.looseObject({ code: code.optional(), status: z.string().optional() }).optional(),
  }),
})

export const kaspiEntryCancelResponseSchema = z.looseObject({
  data: z.looseObject({
    type: z.string(),
    id: z.string().optional(),
    attributes: z.looseObject({
      status: z.string(),
      remainedQuantity: z.number().optional(),
      remainedWeight: z.number().optional(),
    }),
  }),
})

export const kaspiErrorBodySchema = z.looseObject({
  errors: z.array(z.looseObject({ title: z.string().optional(), detail: z.string().optional() })),
})

export type KaspiAddress = z.infer<typeof kaspiAddressSchema>
export type KaspiOrderAttributes = z.infer<typeof kaspiOrderAttributesSchema>
export type KaspiOrderEntryAttributes = z.infer<typeof kaspiOrderEntryAttributesSchema>
export type KaspiOrderResource = z.infer<typeof kaspiOrderResourceSchema>
export type KaspiOrderEntryResource = z.infer<typeof kaspiOrderEntryResourceSchema>
export type KaspiCity = z.infer<typeof kaspiCityResourceSchema>

