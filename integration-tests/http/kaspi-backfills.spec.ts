import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { startSandboxForApp } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { runKaspiBackfillTick } from "../../src/lib/backfill/run-kaspi-backfill-tick"
import { DEFAULT_BACKFILL_SLICE_LIMITS, runKaspiBackfillSlice } from "../../src/lib/backfill/run-kaspi-backfill-slice"
import { prepareKaspiShop } from "../helpers/kaspi-shop"

jest.setTimeout(180_000)

/**
 * Backfills run in the background (jobs/run-kaspi-backfills), one per account,
 * with their progress stored after every page: started, watched, refused
 * twice, cancelled, resumed after a worker died, retried after Kaspi failed. The scheduled job is off:
 * the tests run its tick themselves, one bounded slice at a time.
 */
const TOKEN = "backfills-test-token"
const ACCOUNT = "default"
const DAY = 24 * 3600 * 1000
/** One 13-day window's worth of pages: six states, one page each. */
const ONE_WINDOW = { maxPages: 6 }
let sandbox: KaspiSandbox

beforeAll(async () => {
  process.env.KASPI_BACKFILL_SCHEDULER = "off"
  sandbox = await startSandboxForApp(TOKEN)
})

afterAll(async () => {
  delete process.env.KASPI_BACKFILL_SCHEDULER
  await sandbox?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }
    const noThrow = { validateStatus: () => true }

    const get = async (id: string) => (await api.get(`/admin/kaspi/backfills/${id}`, admin)).data.backfill
    /** Four orders, one in each 13-day window of a 40-day range (windows overlap by an hour). */
    const seedFortyDays = () => {
      const now = sandbox.now()
      const codes = [39, 20, 8, 0.1].map(
        (daysAgo) =>
          sandbox.addOrder({
            status: "ACCEPTED_BY_MERCHANT",
            deliveryMode: "DELIVERY_PICKUP",
            creationDate: now - daysAgo * DAY,
            entries: [{ sku: "BF-1", quantity: 1, basePrice: 2000 }],
            storeId: "PP1",
          }).code
      )
      return { codes, from: new Date(now - 40 * DAY).toISOString(), to: new Date(now).toISOString() }
    }
    const medusaOrderCount = async (container: MedusaContainer) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id", "metadata"] })
      return data.filter((o: { metadata?: Record<string, unknown> | null }) => o.metadata?.kaspi_id).length
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi } = await prepareKaspiShop(container, sandbox, ACCOUNT, [{ sku: "BF-1", title: "Backfill", price: 2000, stock: 100 }]))
      admin = await adminHeaders(api, container)
    })

    it("runs a 40-day backfill in the background, window by window with growing progress, one per account at a time", async () => {
      const container = getContainer()
      const { codes, from, to } = seedFortyDays()
      const started = await api.post("/admin/kaspi/backfills", { from, to }, admin)
      expect(started.status).toBe(202)
      const id = started.data.backfill.id
      expect(started.data.backfill).toMatchObject({ account_id: ACCOUNT, status: "running", windows_total: 4, windows_done: 0, progress: 0, orders_imported: 0 })
      // Nothing was read in the request: the job does it.
      expect(sandbox.requests().filter((r) => r.route.startsWith("GET /v2/orders"))).toHaveLength(0)

      const again = await api.post("/admin/kaspi/backfills", { from, to }, { ...admin, ...noThrow })
      expect(again.status).toBe(409)
      expect(again.data.backfill_id).toBe(id)
      // The sync route with a range starts the same kind of backfill, so it is refused alike.
      const viaSync = await api.post("/admin/kaspi/orders/sync", { from, to }, { ...admin, ...noThrow })
      expect(viaSync.status).toBe(409)

      const seen: Array<{ windows_done: number; progress: number; orders_imported: number }> = []
      for (let tick = 0; tick < 4; tick++) {
        expect(await runKaspiBackfillTick(container, ONE_WINDOW)).toEqual({ [id]: tick < 3 ? "continues" : "done" })
        const b = await get(id)
        seen.push({ windows_done: b.windows_done, progress: b.progress, orders_imported: b.orders_imported })
      }
      expect(seen).toEqual([
        { windows_done: 1, progress: 0.25, orders_imported: 1 },
        { windows_done: 2, progress: 0.5, orders_imported: 2 },
        { windows_done: 3, progress: 0.75, orders_imported: 3 },
        { windows_done: 4, progress: 1, orders_imported: 4 },
      ])
      const done = await get(id)
      expect(done).toMatchObject({ status: "done", orders_seen: 4, orders_failed: 0, current_window: null })
      expect(done.finished_at).toBeTruthy()
      const rows = await kaspi.listKaspiOrders({ code: codes })
      expect(rows.map((r) => r.import_status)).toEqual(["imported", "imported", "imported", "imported"])
      expect(await medusaOrderCount(container)).toBe(4)
      // Four windows × six states, one page each, every one answered (the sandbox refuses wider windows or several states).
      const lists = sandbox.requests().filter((r) => r.route.startsWith("GET /v2/orders"))
      expect(lists.every((r) => r.status === 200)).toBe(true)
      expect(lists).toHaveLength(24)

      // Finished: the account is free for the next one, listed latest first.
      const next = await api.post("/admin/kaspi/backfills", { from, to, states: ["ARCHIVE"] }, admin)
      expect(next.status).toBe(202)
      const list = await api.get(`/admin/kaspi/backfills?account_id=${ACCOUNT}`, admin)
      expect(list.data.backfills.map((b: { id: string }) => b.id)).toEqual([next.data.backfill.id, id])
    })

    it("cancels: at once between ticks, and after its current page while a worker is on it", async () => {
      const container = getContainer()
      const { from, to } = seedFortyDays()
      const first = (await api.post("/admin/kaspi/backfills", { from, to }, admin)).data.backfill
      await runKaspiBackfillTick(container, ONE_WINDOW)
      const cancelled = await api.post(`/admin/kaspi/backfills/${first.id}/cancel`, {}, admin)
      expect(cancelled.data.backfill).toMatchObject({ status: "cancelled", windows_done: 1, orders_imported: 1 })
      expect(await runKaspiBackfillTick(container, ONE_WINDOW)).toEqual({})
      expect(await get(first.id)).toMatchObject({ status: "cancelled", windows_done: 1 })

      // A worker holds the second one: the cancel waits for it, and it stops after one page.
      const second = (await api.post("/admin/kaspi/backfills", { from, to }, admin)).data.backfill
      const claimed = await kaspi.claimKaspiBackfill({ owner: "worker-1", leaseSeconds: 60 })
      expect(claimed?.id).toBe(second.id)
      const asked = await api.post(`/admin/kaspi/backfills/${second.id}/cancel`, {}, admin)
      expect(asked.data.backfill.status).toBe("cancelling")
      const before = sandbox.requests().length
      expect(await runKaspiBackfillSlice(container, claimed!, "worker-1", DEFAULT_BACKFILL_SLICE_LIMITS)).toBe("cancelled")
      expect(sandbox.requests().length - before).toBe(1)
      expect(await get(second.id)).toMatchObject({ status: "cancelled", windows_done: 0 })
      expect((await get(second.id)).finished_at).toBeTruthy()

      const missing = await api.post("/admin/kaspi/backfills/kbf_nope/cancel", {}, { ...admin, ...noThrow })
      expect(missing.status).toBe(404)
      expect((await api.get("/admin/kaspi/backfills/kbf_nope", { ...admin, ...noThrow })).status).toBe(404)
    })

    it("resumes a backfill whose worker died from its last stored page, importing nothing twice", async () => {
      const container = getContainer()
      const { codes, from, to } = seedFortyDays()
      const { id } = (await api.post("/admin/kaspi/backfills", { from, to }, admin)).data.backfill
      await runKaspiBackfillTick(container, ONE_WINDOW)
      // A worker reads the second window's first three states (NEW, SIGN_REQUIRED, PICKUP: the order is in PICKUP)…
      const claimed = await kaspi.claimKaspiBackfill({ owner: "doomed", leaseSeconds: 60 })
      expect(await runKaspiBackfillSlice(container, claimed!, "doomed", { ...DEFAULT_BACKFILL_SLICE_LIMITS, maxPages: 3 })).toBe("continues")
      expect(await get(id)).toMatchObject({ windows_done: 1, orders_imported: 2 })
      // …and dies before storing its last page (the cursor still says PICKUP), holding the lease.
      const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await db.raw(`update kaspi_backfill set state_index = 2, page = 0, lease_owner = 'doomed', lease_until = now() + interval '1 minute' where id = ?`, [id])

      // While its lease lasts, nobody takes it over.
      expect(await runKaspiBackfillTick(container, ONE_WINDOW)).toEqual({})
      await db.raw(`update kaspi_backfill set lease_until = now() - interval '1 second' where id = ?`, [id])
      const resumed = await runKaspiBackfillTick(container, ONE_WINDOW)
      expect(resumed).toEqual({ [id]: "continues" })
      // It went on from the stored cursor: PICKUP of the second window again (nothing new), then the third window's first two.
      const after = await get(id)
      expect(after).toMatchObject({ windows_done: 2, orders_imported: 2 })
      while ((await runKaspiBackfillTick(container, ONE_WINDOW))[id] === "continues");
      expect(await get(id)).toMatchObject({ status: "done", windows_done: 4, orders_imported: 4 })
      const rows = await kaspi.listKaspiOrders({ code: codes })
      expect(rows).toHaveLength(4)
      expect(new Set(rows.map((r) => r.order_id)).size).toBe(4)
      expect(await medusaOrderCount(container)).toBe(4)
    })

    it("keeps Kaspi's error and tries again after a wait; too many failures in a row fail it and free the account", async () => {
      const container = getContainer()
      const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { from, to } = seedFortyDays()
      const { id } = (await api.post("/admin/kaspi/backfills", { from, to }, admin)).data.backfill
      sandbox.setFaults({ rate: 1, kinds: ["5xx"], routes: ["/v2/orders"] })
      expect(await runKaspiBackfillTick(container, ONE_WINDOW)).toEqual({ [id]: "retry" })
      const waiting = await get(id)
      expect(waiting).toMatchObject({ status: "running", windows_done: 0 })
      expect(waiting.error).toMatch(/server_error/)
      // It waits before the next try instead of hammering a Kaspi that is down.
      expect(await runKaspiBackfillTick(container, ONE_WINDOW)).toEqual({})

      sandbox.setFaults({ rate: 0, kinds: [] })
      await db.raw(`update kaspi_backfill set lease_until = now() - interval '1 second' where id = ?`, [id])
      expect(await runKaspiBackfillTick(container, ONE_WINDOW)).toEqual({ [id]: "continues" })
      expect(await get(id)).toMatchObject({ status: "running", windows_done: 1, orders_imported: 1, error: null })

      sandbox.setFaults({ rate: 1, kinds: ["5xx"], routes: ["/v2/orders"] })
      await db.raw(`update kaspi_backfill set lease_until = now() - interval '1 second' where id = ?`, [id])
      expect(await runKaspiBackfillTick(container, { ...ONE_WINDOW, maxFailures: 1 })).toEqual({ [id]: "failed" })
      const failed = await get(id)
      expect(failed).toMatchObject({ status: "failed", windows_done: 1 })
      expect(failed.error).toMatch(/server_error/)
      expect(failed.finished_at).toBeTruthy()
      sandbox.setFaults({ rate: 0, kinds: [] })
      expect((await api.post("/admin/kaspi/backfills", { from, to }, admin)).status).toBe(202)
    })

    it("validates the request", async () => {
      const now = sandbox.now()
      expect((await api.post("/admin/kaspi/backfills", { to: new Date(now).toISOString() }, { ...admin, ...noThrow })).status).toBe(400)
      expect((await api.post("/admin/kaspi/backfills", { from: new Date(now - 400 * DAY).toISOString() }, { ...admin, ...noThrow })).status).toBe(400)
      expect((await api.post("/admin/kaspi/backfills", { from: new Date(now).toISOString(), states: ["NOPE"] }, { ...admin, ...noThrow })).status).toBe(400)
      for (const [method, url] of [["get", "/admin/kaspi/backfills"], ["post", "/admin/kaspi/backfills"], ["get", "/admin/kaspi/backfills/kbf_x"], ["post", "/admin/kaspi/backfills/kbf_x/cancel"]] as const) {
        const res = await api.request({ method, url, ...noThrow })
        expect([url, res.status]).toEqual([url, 401])
      }
    })
  },
})
