import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin-auth"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { LIST_COUNT_CAP } from "../../src/modules/kaspi/capped-count"

jest.setTimeout(120_000)

/**
 * The admin's lists at a year's size (issue #16, docs/scaling.md): a pasted
 * whole code finds its one order through the code index, part of a code is
 * still found by "contains", and the event log's count stops at its cap and
 * says so.
 */
const ACCOUNT = "default"

const kaspiOrder = (kaspiId: string, code: string, daysAgo: number) => ({
  account_id: ACCOUNT,
  kaspi_id: kaspiId,
  code,
  state: "ARCHIVE",
  status: "COMPLETED",
  total_price: 1000,
  kaspi_created_at: new Date(Date.now() - daysAgo * 24 * 3600 * 1000),
  import_status: "ignored" as const,
  raw: { from: "kaspi" },
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }

    beforeEach(async () => {
      kaspi = getContainer().resolve<KaspiModuleService>(KASPI_MODULE)
      admin = await adminHeaders(api, getContainer())
    })

    it("finds a whole code as that one order, and part of a code as every order containing it", async () => {
      // 1234567 is inside the other two codes: a "contains" search for it alone would list all three.
      const [whole, longer, other] = await kaspi.createKaspiOrders([
        kaspiOrder("K1", "1234567", 1),
        kaspiOrder("K2", "91234567", 2),
        kaspiOrder("K3", "12345678", 3),
      ])
      const ids = async (q: string) => {
        const res = await api.get(`/admin/kaspi/orders?q=${encodeURIComponent(q)}`, admin)
        return { ids: res.data.kaspi_orders.map((o: { id: string }) => o.id), count: res.data.count }
      }
      expect(await ids("1234567")).toEqual({ ids: [whole.id], count: 1 })
      expect(await ids("2345")).toEqual({ ids: [whole.id, longer.id, other.id], count: 3 })
      expect(await ids("91234567")).toEqual({ ids: [longer.id], count: 1 })
      // A code no order has, and LIKE's own wildcards typed as text, find nothing.
      expect(await ids("7654321")).toEqual({ ids: [], count: 0 })
      expect(await ids("%")).toEqual({ ids: [], count: 0 })
      // Other filters still apply to a whole code.
      const res = await api.get(`/admin/kaspi/orders?q=1234567&import_status=imported`, admin)
      expect(res.data).toMatchObject({ kaspi_orders: [], count: 0 })
    })

    it("counts the orders list up to its cap, and pages past the cap within the capped group", async () => {
      // LIST_COUNT_CAP + 2 imported orders, newest first by day; the two oldest lie past the cap.
      const imported = Array.from({ length: LIST_COUNT_CAP + 2 }, (_, i) => ({
        ...kaspiOrder(`KI${i}`, String(500_000_000 + i), i / 100),
        import_status: "imported" as const,
      }))
      await kaspi.createKaspiOrders([...imported, kaspiOrder("KIGN", "600000000", 0)])

      const first = await api.get(`/admin/kaspi/orders?limit=50`, admin)
      expect(first.data).toMatchObject({ count: LIST_COUNT_CAP + 1, count_capped: true })
      expect(first.data.counts).toMatchObject({ imported: LIST_COUNT_CAP, ignored: 1 })

      // The page past the cap reads on in the imported group (its two oldest), then the ignored one.
      const past = await api.get(`/admin/kaspi/orders?limit=50&offset=${LIST_COUNT_CAP}`, admin)
      expect(past.data.kaspi_orders.map((o: { code: string }) => o.code)).toEqual([
        String(500_000_000 + LIST_COUNT_CAP),
        String(500_000_000 + LIST_COUNT_CAP + 1),
        "600000000",
      ])
    })

    it("counts the event log up to its cap and says when it stopped there", async () => {
      const many = Array.from({ length: LIST_COUNT_CAP + 5 }, (_, i) => ({ account_id: ACCOUNT, type: "poll.failed", message: `fail ${i}` }))
      await kaspi.createKaspiEvents(many)
      await kaspi.createKaspiEvents([{ account_id: ACCOUNT, type: "poll.ok", message: "ok" }])

      const capped = await api.get(`/admin/kaspi/events?account_id=${ACCOUNT}&type=poll.failed&limit=50`, admin)
      expect(capped.data).toMatchObject({ count: LIST_COUNT_CAP, count_capped: true, limit: 50 })
      expect(capped.data.events).toHaveLength(50)

      const exact = await api.get(`/admin/kaspi/events?account_id=${ACCOUNT}&type=poll.ok`, admin)
      expect(exact.data).toMatchObject({ count: 1, count_capped: false })
    })
  },
})
