/**
 * Links into the Kaspi seller cabinet. Kaspi documents no deep-link format;
 * `https://kaspi.kz/mc/#/orders/<code>` is the order page's address as seen in
 * public tools that drive the cabinet (and `#/orders?status=NEW` its list), so
 * the order link may move when Kaspi redesigns the cabinet; the cabinet's
 * order search by code then still finds it.
 */
export const KASPI_CABINET_URL = "https://kaspi.kz/mc/"

export function kaspiCabinetOrderUrl(code: string): string {
  return `${KASPI_CABINET_URL}#/orders/${encodeURIComponent(code)}`
}

export function kaspiCabinetOrdersUrl(): string {
  return `${KASPI_CABINET_URL}#/orders?status=NEW`
}
