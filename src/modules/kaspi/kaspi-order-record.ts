import type { KaspiOrder } from "./client"

/** Kaspi's phone for the record: kept only while it is real (Kaspi masks it later). */
function realPhone(cellPhone: string | null | undefined): string | null {
  const digits = (cellPhone ?? "").replace(/\D/g, "")
  return digits.length === 10 && !/^0+$/.test(digits) ? digits : null
}

/** The columns of a kaspi_order row, from a parsed Kaspi order. */
export function kaspiOrderRecordValues(accountId: string, order: KaspiOrder) {
  const a = order.attributes
  const date = (ms: number | null | undefined) => (ms ? new Date(ms) : null)
  return {
    account_id: accountId,
    kaspi_id: order.id,
    code: order.code,
    state: a.state,
    status: a.status,
    delivery_mode: a.deliveryMode ?? null,
    is_kaspi_delivery: a.isKaspiDelivery === true,
    pre_order: a.preOrder === true,
    signature_required: a.signatureRequired === true,
    assembled: a.assembled === true,
    pickup_point_id: a.pickupPointId ?? null,
    total_price: a.totalPrice,
    delivery_cost: a.deliveryCost ?? null,
    customer_phone: realPhone(a.customer?.cellPhone),
    cancellation_reason: a.cancellationReason ?? null,
    waybill_url: a.kaspiDelivery?.waybill ?? null,
    kaspi_created_at: new Date(a.creationDate),
    kaspi_approved_at: date(a.approvedByBankDate),
    planned_delivery_at: date(a.plannedDeliveryDate),
    // The courier's planned pick-up and the actual one (API.md a.2: read from kaspiDelivery; the top-level copies are legacy).
    courier_planned_at: date(a.kaspiDelivery?.courierTransmissionPlanningDate),
    courier_handed_at: date(a.kaspiDelivery?.courierTransmissionDate),
    raw: order.raw,
  }
}
