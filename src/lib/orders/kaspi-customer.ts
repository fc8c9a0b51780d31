import type { KaspiOrderAttributes } from "../../modules/kaspi/client"

/** Kaspi's cellPhone is 10 digits without the country code ("7066828008"); masked once archived. */
export function normaliseKaspiPhone(cellPhone: string | null | undefined): string | undefined {
  const digits = (cellPhone ?? "").replace(/\D/g, "")
  if (digits.length === 10 && !/^0+$/.test(digits)) return `+7${digits}`
  if (digits.length === 11 && (digits.startsWith("7") || digits.startsWith("8")) && !/^[78]0+$/.test(digits)) {
    return `+7${digits.slice(1)}`
  }
  return undefined
}

/**
 * Kaspi gives no e-mail, but Medusa keys customers by e-mail. The address is
 * derived from the phone (or Kaspi's customer id) under the reserved `.invalid`
 * TLD (RFC 2606), so it is stable per buyer and can never receive mail.
 */
export function kaspiCustomerEmail(attrs: Pick<KaspiOrderAttributes, "customer" | "code">): string {
  const phone = normaliseKaspiPhone(attrs.customer?.cellPhone)
  if (phone) return `${phone.slice(1)}@buyer.kaspi.invalid`
  const id = attrs.customer?.id?.replace(/[^A-Za-z0-9]/g, "").toLowerCase()
  if (id) return `id-${id}@buyer.kaspi.invalid`
  return `order-${attrs.code}@buyer.kaspi.invalid`
}

export function kaspiCustomerName(attrs: Pick<KaspiOrderAttributes, "customer">): { first_name?: string; last_name?: string } {
  const c = attrs.customer
  const first = c?.firstName?.trim() || c?.name?.trim() || undefined
  const last = c?.lastName?.trim() || undefined
  return { first_name: first, last_name: last }
}
