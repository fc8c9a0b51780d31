import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { KASPI_MODULE } from ".."
import KaspiModuleService from "../service"
import { parseOrderResource, type KaspiOrder as KaspiApiOrder } from "../client"
import { KaspiAccountCredential, KaspiAction, KaspiEvent, KaspiOrder, KaspiSyncState } from "../models"
import { KaspiAccounts } from "../services/kaspi-accounts"
import { KaspiClientPool } from "../services/kaspi-client-pool"
import { KaspiConnectivity } from "../services/kaspi-connectivity"
import { KaspiEventLog } from "../services/kaspi-event-log"
import { KaspiOrderLedger } from "../services/kaspi-order-ledger"
import { KaspiOutbox } from "../services/kaspi-outbox"
import { KaspiPollLease } from "../services/kaspi-poll-lease"
import { KaspiRetention } from "../services/kaspi-retention"
import { KaspiTokenChanges } from "../services/kaspi-token-changes"

jest.setTimeout(60_000)

/** A Kaspi order as the client hands it over (parsed from the API's JSON). */
function kaspiApiOrder(status = "APPROVED_BY_BANK", id = "NDk3MTQ6MDIx", code = "496149022"): KaspiApiOrder {
  const parsed = parseOrderResource(
    { type: "orders", id, attributes: { code, totalPrice: 2000, state: "NEW", status, creationDate: 1739349620761 } },
    new Map()
  )
  if (!("order" in parsed)) throw new Error(`fixture does not parse: ${parsed.invalid.reason}`)
  return parsed.order
}

const action = (over: Partial<Parameters<KaspiModuleService["enqueueKaspiAction"]>[0]> = {}) => ({
  account_id: "main",
  kaspi_order_id: "kord_1",
  kaspi_id: "NDk3MTQ6MDIx",
  code: "496149022",
  action: "accept",
  payload: {},
  idempotency_key: "accept:kord_1",
  origin: "admin",
  status: "pending" as const,
  ...over,
})

moduleIntegrationTestRunner<KaspiModuleService>({
  moduleName: KASPI_MODULE,
  resolve: "./src/modules/kaspi",
  moduleModels: [KaspiOrder, KaspiEvent, KaspiSyncState, KaspiAction, KaspiAccountCredential],
  moduleOptions: { accounts: [{ id: "main", merchantId: "30123456", token: "module-test-token", apiUrl: "http://127.0.0.1:9/shop/api" }] },
  testSuite: ({ service }) => {
    const rowOf = async (id: string) => (await service.listKaspiOrders({ id }))[0]
    const expireLease = (id: string) => service.updateKaspiOrders({ id, import_lease_until: new Date(Date.now() - 1000) })
    const recorded = async () => (await service.upsertKaspiOrderRecord("main", kaspiApiOrder())).id

    it("builds its services in the module container, beside the model services MedusaService made", () => {
      const cradle = (service as unknown as { __container__: Record<string, unknown> }).__container__
      expect(cradle.kaspiAccounts).toBeInstanceOf(KaspiAccounts)
      expect(cradle.kaspiClientPool).toBeInstanceOf(KaspiClientPool)
      expect(cradle.kaspiConnectivity).toBeInstanceOf(KaspiConnectivity)
      expect(cradle.kaspiOrderLedger).toBeInstanceOf(KaspiOrderLedger)
      expect(cradle.kaspiPollLease).toBeInstanceOf(KaspiPollLease)
      expect(cradle.kaspiOutbox).toBeInstanceOf(KaspiOutbox)
      expect(cradle.kaspiEventLog).toBeInstanceOf(KaspiEventLog)
      expect(cradle.kaspiRetention).toBeInstanceOf(KaspiRetention)
      expect(cradle.kaspiTokenChanges).toBeInstanceOf(KaspiTokenChanges)
      for (const model of ["kaspiOrderService", "kaspiEventService", "kaspiActionService"]) {
        expect(cradle[model]).toEqual(expect.objectContaining({ list: expect.any(Function) }))
      }
    })

    describe("the order ledger", () => {
      it("records a Kaspi order once and says when it is new and when Kaspi's status moved", async () => {
        const first = await service.upsertKaspiOrderRecord("main", kaspiApiOrder())
        expect(first).toMatchObject({ import_status: "pending", inserted: true, status: "APPROVED_BY_BANK" })
        const again = await service.upsertKaspiOrderRecord("main", kaspiApiOrder("CANCELLED"))
        expect(again).toMatchObject({ id: first.id, inserted: false, previous_status: "APPROVED_BY_BANK", status: "CANCELLED" })
      })

      it("lets exactly one of two simultaneous claims take an order, and takes back a dead attempt's order", async () => {
        const id = await recorded()
        const claims = await Promise.all([service.claimKaspiOrderImport(id, 60), service.claimKaspiOrderImport(id, 60)])
        expect(claims.filter(Boolean)).toEqual([{ id, previous_import_status: "pending" }])
        expect(await rowOf(id)).toMatchObject({ import_status: "importing", attempts: 1 })
        await expireLease(id)
        expect(await service.claimKaspiOrderImport(id, 60)).toEqual({ id, previous_import_status: "importing" })
      })

      it("records an attempt's outcome, and refuses one from an attempt that does not hold the order", async () => {
        const id = await recorded()
        await expect(service.finishKaspiOrderImport(id, { import_status: "imported", order_id: "order_1" })).rejects.toThrow(
          /finish cannot move an order from "pending" to "imported"/
        )
        expect(await rowOf(id)).toMatchObject({ import_status: "pending", order_id: null })
        await service.claimKaspiOrderImport(id, 60)
        await service.finishKaspiOrderImport(id, { import_status: "imported", order_id: "order_1" })
        expect(await rowOf(id)).toMatchObject({ import_status: "imported", order_id: "order_1", import_lease_until: null })
        expect(await service.claimKaspiOrderImport(id, 60)).toBeNull()
        await expect(service.finishKaspiOrderImport(id, { import_status: "failed", reason: "late" })).rejects.toThrow(/already imported/)
      })

      it("puts a waiting order back in the queue for a person or a new SKU mapping, but never an imported one", async () => {
        const id = await recorded()
        await service.claimKaspiOrderImport(id, 60)
        await expect(service.releaseKaspiOrderImport(id, "admin_retry")).rejects.toThrow(/another import attempt holds the order/)
        await service.finishKaspiOrderImport(id, { import_status: "needs_attention", reason: "no SKU", unmapped_skus: ["SKU-1"] })
        await service.releaseKaspiOrderImport(id, "sku_mapped")
        expect(await rowOf(id)).toMatchObject({ import_status: "pending", import_reason: null, unmapped_skus: null })

        await service.claimKaspiOrderImport(id, 60)
        await service.finishKaspiOrderImport(id, { import_status: "imported", order_id: "order_1" })
        await expect(service.releaseKaspiOrderImport(id, "admin_retry")).rejects.toThrow(/already imported/)
        // The finish step's compensation unlinks the undone Medusa order.
        await service.releaseKaspiOrderImport(id, "undo_finish")
        expect(await rowOf(id)).toMatchObject({ import_status: "pending", order_id: null })
      })

      it("gives an order back to where the claim found it, a dead attempt's included", async () => {
        const id = await recorded()
        await service.claimKaspiOrderImport(id, 60)
        await service.finishKaspiOrderImport(id, { import_status: "failed", reason: "boom" })
        await service.claimKaspiOrderImport(id, 60)
        await service.undoKaspiOrderImportClaim(id, "failed")
        expect(await rowOf(id)).toMatchObject({ import_status: "failed", import_lease_until: null })

        await service.claimKaspiOrderImport(id, 60)
        await expireLease(id)
        const retaken = await service.claimKaspiOrderImport(id, 60)
        expect(retaken?.previous_import_status).toBe("importing")
        await service.undoKaspiOrderImportClaim(id, "importing")
        // Back to "importing" without a lease: nobody holds it, so the next claim takes it.
        expect(await service.claimKaspiOrderImport(id, 60)).toEqual({ id, previous_import_status: "importing" })
        await expect(service.undoKaspiOrderImportClaim(id, "ignored" as "pending")).rejects.toThrow(/undo_claim never sets/)
      })

      it("keeps an unreadable order visible as failed, unless it is imported or being imported", async () => {
        const unreadable = { id: "NDk3MTQ6MDIx", code: "496149022", reason: "totalPrice: expected number", raw: {} }
        const id = await recorded()
        await service.claimKaspiOrderImport(id, 60)
        expect(await service.recordInvalidKaspiOrder("main", unreadable)).toEqual({ id, newly_flagged: true })
        expect(await rowOf(id)).toMatchObject({ import_status: "importing", sync_problem: expect.objectContaining({ kind: "unreadable" }) })
        await expireLease(id)
        await service.recordInvalidKaspiOrder("main", unreadable)
        expect(await rowOf(id)).toMatchObject({ import_status: "failed", import_reason: expect.stringMatching(/cannot read: totalPrice/) })
      })
    })

    describe("the poll lease", () => {
      it("lets one poller at a time hold an account until it finishes", async () => {
        const opts = { dueAfterSeconds: 30, leaseSeconds: 60 }
        expect(await service.claimKaspiPoll("main", { ...opts, owner: "a" })).toEqual({ last_new_poll_at: null, last_status_sync_at: null, synced_until: null })
        expect(await service.claimKaspiPoll("main", { ...opts, owner: "b", force: true })).toBeNull()
        expect(await service.renewKaspiPoll("main", "b", 60)).toBe(false)
        expect(await service.renewKaspiPoll("main", "a", 60)).toBe(true)
        const polledAt = new Date()
        await service.finishKaspiPoll("main", { owner: "a", ok: true, polledAt, statusSynced: true, wholeArchive: true })
        // Not due yet, unless forced.
        expect(await service.claimKaspiPoll("main", { ...opts, owner: "b" })).toBeNull()
        const forced = await service.claimKaspiPoll("main", { ...opts, owner: "b", force: true })
        expect(forced?.last_status_sync_at?.getTime()).toBe(polledAt.getTime())
        // synced_until moves only with a read of the whole archive
        expect(forced?.synced_until?.getTime()).toBe(polledAt.getTime())
        await service.finishKaspiPoll("main", { owner: "b", ok: true, polledAt: new Date(polledAt.getTime() + 1000), statusSynced: true })
        const again = await service.claimKaspiPoll("main", { ...opts, owner: "c", force: true })
        expect(again?.synced_until?.getTime()).toBe(polledAt.getTime())
      })
    })

    describe("the outbox", () => {
      it("finds sent ASSEMBLE actions still waiting for their waybill however many older ones are done", async () => {
        const sent = async (key: string, result: Record<string, unknown> | null, at: number) => {
          const { id } = await service.enqueueKaspiAction(action({ action: "assemble", idempotency_key: key }))
          await service.finishKaspiAction(id, { status: "sent", result: result ?? undefined })
          await service.updateKaspiActions({ id, sent_at: new Date(at) })
          return id
        }
        // Five done ones, older than the one still waiting: a read of "the oldest N, then filter" would miss it.
        for (let i = 0; i < 5; i++) await sent(`assemble:done-${i}`, { waybill_done: true }, Date.now() - 3_600_000 + i)
        const waiting = await sent("assemble:waiting", null, Date.now())
        await sent("assemble:given-up", { waybill_done: true, waybill_error: "none within 30 minutes" }, Date.now())
        expect(await service.listKaspiActionsAwaitingWaybill(2)).toEqual([waiting])
      })

      it("writes an action once per idempotency key and lets one sender take it", async () => {
        const first = await service.enqueueKaspiAction(action())
        expect(await service.enqueueKaspiAction(action())).toEqual({ id: first.id, created: false, revived: false })
        expect(await service.claimKaspiActions({ limit: 10, leaseSeconds: 60 })).toEqual([first.id])
        expect(await service.claimKaspiActions({ limit: 10, leaseSeconds: 60 })).toEqual([])
        await service.finishKaspiAction(first.id, { status: "pending", next_attempt_at: new Date(Date.now() - 1000), last_error: "503" })
        expect(await service.claimKaspiActions({ ids: [first.id], limit: 10, leaseSeconds: 60 })).toEqual([first.id])
        await service.finishKaspiAction(first.id, { status: "sent", result: { ok: true } })
        const [row] = await service.listKaspiActions({ id: first.id })
        expect(row).toMatchObject({ status: "sent", attempts: 2, last_error: null, result: { ok: true } })
        expect(row.sent_at).not.toBeNull()
      })

      it("never takes over a sent-once action whose sender died: it is settled as failed", async () => {
        const { id } = await service.enqueueKaspiAction(action({ action: "send_code", idempotency_key: "code:kord_1" }))
        await service.claimKaspiActions({ limit: 10, leaseSeconds: 60 })
        await service.updateKaspiActions({ id, lease_until: new Date(Date.now() - 1000) })
        expect(await service.claimKaspiActions({ limit: 10, leaseSeconds: 60 })).toEqual([])
        const settled = await service.settleAbandonedKaspiActions({ last_error: "unknown", error_kind: "unknown", result: null })
        expect(settled).toEqual([expect.objectContaining({ id, action: "send_code", attempts: 1 })])
        expect((await service.listKaspiActions({ id }))[0].status).toBe("failed")
      })
    })

    describe("the event log", () => {
      it("appends events as info unless told otherwise", async () => {
        await service.logKaspiEvent({ account_id: "main", type: "kaspi.test", message: "hello" })
        expect(await service.listKaspiEvents({ type: "kaspi.test" })).toEqual([expect.objectContaining({ result: "info", message: "hello" })])
      })
    })
  },
})
