import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { KASPI_MODULE } from ".."
import KaspiModuleService from "../service"
import { KaspiEvent, KaspiOrder, KaspiSkuMapping, KaspiStoreMapping, KaspiSyncState } from "../models"

jest.setTimeout(60_000)

const SENTINEL = "SENTINEL-kaspi-token-0000000000000000000"

const kaspiOrder = (over: Record<string, unknown> = {}) => ({
  account_id: "main",
  kaspi_id: "NDk3MTQ6MDIx",
  code: "496149022",
  state: "NEW",
  status: "APPROVED_BY_BANK",
  total_price: 2000,
  kaspi_created_at: new Date(1739349620761),
  raw: { id: "NDk3MTQ6MDIx" },
  ...over,
})

moduleIntegrationTestRunner<KaspiModuleService>({
  moduleName: KASPI_MODULE,
  resolve: "./src/modules/kaspi",
  moduleModels: [KaspiOrder, KaspiEvent, KaspiSkuMapping, KaspiStoreMapping, KaspiSyncState],
  moduleOptions: {
    accounts: [
      { id: "main", merchantId: "30123456", token: SENTINEL, apiUrl: "http://127.0.0.1:9/shop/api" },
      { id: "second", merchantId: "30999999" },
    ],
  },
  testSuite: ({ service }) => {
    describe("kaspi_order", () => {
      it("stores a Kaspi order with a kord_ id and its raw JSON", async () => {
        const created = await service.createKaspiOrders(kaspiOrder())
        expect(created.id).toMatch(/^kord_/)
        expect(created.import_status).toBe("pending")
        const [found] = await service.listKaspiOrders({ code: "496149022" })
        expect(found.raw).toEqual({ id: "NDk3MTQ6MDIx" })
        expect(Number(found.total_price)).toBe(2000)
      })

      it("refuses a second row for the same Kaspi order of the same account (database unique index)", async () => {
        await service.createKaspiOrders(kaspiOrder())
        await expect(service.createKaspiOrders(kaspiOrder({ code: "other-code" }))).rejects.toThrow(/already exists/)
        await expect(service.createKaspiOrders(kaspiOrder({ kaspi_id: "other-id" }))).rejects.toThrow(/already exists/)
        expect(await service.listKaspiOrders({})).toHaveLength(1)
      })

      it("allows the same Kaspi id under another account", async () => {
        await service.createKaspiOrders(kaspiOrder())
        await service.createKaspiOrders(kaspiOrder({ account_id: "second" }))
        expect(await service.listKaspiOrders({ kaspi_id: "NDk3MTQ6MDIx" })).toHaveLength(2)
      })

      it("keeps an event log per order", async () => {
        const order = await service.createKaspiOrders(kaspiOrder())
        await service.createKaspiEvents([
          { account_id: "main", kaspi_code: order.code, type: "import_attempt", kaspi_order_id: order.id },
          { account_id: "main", kaspi_code: order.code, type: "imported", result: "ok", kaspi_order_id: order.id },
        ])
        const [withEvents] = await service.listKaspiOrders({ id: order.id }, { relations: ["events"] })
        expect(withEvents.events.map((e) => e.type).sort()).toEqual(["import_attempt", "imported"])
      })
    })

    describe("mappings and sync state", () => {
      it("maps many Kaspi SKUs to one variant but each SKU once per account", async () => {
        await service.createKaspiSkuMappings([
          { account_id: "main", kaspi_sku: "123456_1", variant_id: "variant_1" },
          { account_id: "main", kaspi_sku: "MY-SKU", variant_id: "variant_1" },
        ])
        await expect(
          service.createKaspiSkuMappings({ account_id: "main", kaspi_sku: "MY-SKU", variant_id: "variant_2" })
        ).rejects.toThrow(/already exists/)
        expect(await service.listKaspiSkuMappings({ variant_id: "variant_1" })).toHaveLength(2)
      })

      it("maps each Kaspi storeId once per account", async () => {
        await service.createKaspiStoreMappings({ account_id: "main", store_id: "PP1", stock_location_id: "sloc_1" })
        await expect(
          service.createKaspiStoreMappings({ account_id: "main", store_id: "PP1", stock_location_id: "sloc_2" })
        ).rejects.toThrow(/already exists/)
      })

      it("keeps one sync state per account", async () => {
        await service.createKaspiSyncStates({ account_id: "main", synced_until: new Date() })
        await expect(service.createKaspiSyncStates({ account_id: "main" })).rejects.toThrow(/already exists/)
      })
    })

    describe("accounts", () => {
      it("lists accounts without their tokens", () => {
        const accounts = service.listAccounts()
        expect(accounts).toEqual([
          expect.objectContaining({ id: "main", merchantId: "30123456", hasToken: true, tokenSource: "options" }),
          expect.objectContaining({ id: "second", merchantId: "30999999", hasToken: false }),
        ])
        expect(JSON.stringify(accounts)).not.toContain(SENTINEL)
        expect(JSON.stringify(service.getResolvedOptions())).not.toContain(SENTINEL)
      })

      it("explains a missing token or an unknown account instead of calling Kaspi", () => {
        expect(() => service.getClient("second")).toThrow(/has no API token/)
        expect(() => service.getClient("nope")).toThrow(/no Kaspi account "nope"/)
        expect(() => service.getClient()).toThrow(/several Kaspi accounts/)
      })

      it("reports an unreachable API in plain words, without the token", async () => {
        const check = await service.testConnection("main")
        expect(check).toMatchObject({ ok: false, accountId: "main", kind: "network" })
        expect(check.message).toMatch(/could not be reached/)
        expect(check.message).not.toContain(SENTINEL)
      })
    })
  },
})
