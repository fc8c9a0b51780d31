// Opaque Kaspi-style ids: unpadded standard base64 of an internal string (see API.md a.0).

export function encodeId(raw: string): string {
  return Buffer.from(raw, "utf8").toString("base64").replace(/=+$/, "")
}

/** Decodes an id, tolerating padding and the url-safe alphabet; null when it is not base64. */
export function decodeId(id: string): string | null {
  const normalized = id.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "")
  if (!/^[A-Za-z0-9+/]*$/.test(normalized) || normalized.length === 0) return null
  return Buffer.from(normalized, "base64").toString("utf8")
}

export const orderIdOf = (orderNo: number): string => encodeId(String(orderNo))
export const entryIdOf = (orderNo: number, entryNumber: number): string => encodeId(`${orderNo}##${entryNumber}`)
export const masterProductIdOf = (productCode: string): string => encodeId(productCode)
export const merchantProductIdOf = (merchantId: string, sku: string): string => encodeId(`${merchantId}##${sku}`)
export const pointOfServiceIdOf = (merchantId: string, storeId: string): string => encodeId(`${merchantId}_${storeId}`)
export const customerIdOf = (phone: string): string => encodeId(phone)
export const cityIdOf = (cityCode: string): string => encodeId(cityCode)
