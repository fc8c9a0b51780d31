import { KASPI_ORIGIN } from "../sync/change-origin"

/**
 * True when a Medusa change is the echo of a Kaspi change (the status sync made
 * it, or Kaspi already is in that state): such changes are never sent back.
 */
export function isFromKaspi(
  row: { status: string },
  orderMetadata: Record<string, unknown>,
  kaspiStatuses: string[]
): boolean {
  if (kaspiStatuses.includes(row.status)) return true
  return (
    orderMetadata.kaspi_last_change_origin === KASPI_ORIGIN &&
    kaspiStatuses.includes(String(orderMetadata.kaspi_last_change_status ?? ""))
  )
}
