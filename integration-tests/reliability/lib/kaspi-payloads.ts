import type { KaspiSandbox } from "../../../sandbox"
import type { Json } from "./mutate"

/**
 * Real Kaspi-shaped list pages, read over HTTP from the sandbox exactly as the
 * plugin reads them (include[orders]=entries), and split into one envelope per
 * order with its own entries: the valid payloads the fuzzers start from.
 */
export async function fetchOrderEnvelopes(sandbox: KaspiSandbox, token: string, from: number, to: number): Promise<Json[]> {
  const out: Json[] = []
  // One state per request, as Kaspi documents it (API.md §f.3) and the sandbox insists.
  for (const state of ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"]) {
    for (let page = 0; ; page++) {
      const q = new URLSearchParams({
        "page[number]": String(page),
        "page[size]": "100",
        "filter[orders][state]": state,
        "filter[orders][creationDate][$ge]": String(from),
        "filter[orders][creationDate][$le]": String(to),
        "include[orders]": "entries",
      })
      const res = await fetch(`${sandbox.baseUrl}/v2/orders?${q}`, {
        headers: { accept: "application/vnd.api+json", "x-auth-token": token, "user-agent": "kaspi-reliability-suite/1.0" },
      })
      if (!res.ok) throw new Error(`sandbox list failed: ${res.status} ${await res.text()}`)
      const body = (await res.json()) as { data: any[]; included?: any[]; meta?: { pageCount: number } }
      const included = new Map((body.included ?? []).map((i) => [i.id, i]))
      for (const order of body.data) {
        const entryIds: string[] = (order.relationships?.entries?.data ?? []).map((d: { id: string }) => d.id)
        out.push({ data: [order], included: entryIds.map((id) => included.get(id)).filter(Boolean), meta: { pageCount: 1, totalCount: 1 } })
      }
      if (page + 1 >= (body.meta?.pageCount ?? 0)) break
    }
  }
  return out
}
