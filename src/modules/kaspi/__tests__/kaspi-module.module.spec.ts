import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { KASPI_MODULE } from ".."
import KaspiModuleService from "../service"
import {
  KaspiAccountCredential,
  KaspiAction,
  KaspiEvent,
  KaspiOrder,
  KaspiSkuMapping,
  KaspiStoreMapping,
  KaspiSyncState,
} from "../models"
import { encryptToken, parseTokenKey } from "../token-crypto"

jest.setTimeout(60_000)

const SENTINEL = "SENTINEL-kaspi-token-0000000000000000000"
const STORED_SENTINEL = "SENTINEL-stored-token-111111111111111111"
// A throwaway key for this test only (the variable name is set in the options below).
const TEST_KEY = Buffer.alloc(32, 7).toString("base64")
process.env.KASPI_MODULE_TEST_TOKEN_KEY = TEST_KEY

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
  // KaspiAction: storing a token revives actions given up for want of one.
  moduleModels: [KaspiOrder, KaspiEvent, KaspiSkuMapping, KaspiStoreMapping, KaspiSyncState, KaspiAccountCredential, KaspiAction],
  moduleOptions: {
    tokenEncryptionKeyEnv: "KASPI_MODULE_TEST_TOKEN_KEY",
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

      it("explains a missing token or an unknown account instead of calling Kaspi", async () => {
        await expect(service.getClient("second")).rejects.toThrow(/has no API token/)
        await expect(service.getClient("nope")).rejects.toThrow(/no Kaspi account "nope"/)
        await expect(service.getClient()).rejects.toThrow(/several Kaspi accounts/)
      })

      it("stores a token entered in the admin encrypted, uses it, and never shows it back", async () => {
        const info = await service.storeAccountToken("second", STORED_SENTINEL, "user_1")
        expect(info).toMatchObject({ id: "second", hasToken: true, tokenSource: "stored", canStoreToken: true })
        expect(JSON.stringify(info)).not.toContain(STORED_SENTINEL)

        const [row] = await service.listKaspiAccountCredentials({ account_id: "second" })
        expect(row.token_ciphertext).toMatch(/^v1\./)
        expect(row.token_ciphertext).not.toContain(STORED_SENTINEL)
        expect(row.token_ciphertext).not.toContain(Buffer.from(STORED_SENTINEL).toString("base64").slice(0, 16))
        expect((await service.getAccountToken("second")).reveal()).toBe(STORED_SENTINEL)
        const client = await service.getClient("second")
        expect(await service.getClient("second")).toBe(client)

        // Replacing keeps one row; the new token is used at once on this instance.
        await service.storeAccountToken("second", `${STORED_SENTINEL}-2`)
        expect(await service.listKaspiAccountCredentials({ account_id: "second" })).toHaveLength(1)
        expect((await service.getAccountToken("second")).reveal()).toBe(`${STORED_SENTINEL}-2`)
        expect(await service.getClient("second")).not.toBe(client)

        const cleared = await service.clearAccountToken("second")
        expect(cleared).toMatchObject({ hasToken: false, tokenSource: "none" })
        await expect(service.getClient("second")).rejects.toThrow(/has no API token/)
      })

      it("never lets the admin override a token from the configuration, and refuses junk", async () => {
        await expect(service.storeAccountToken("main", STORED_SENTINEL)).rejects.toThrow(/comes from the plugin options/)
        await expect(service.storeAccountToken("second", "has space inside")).rejects.toThrow(/one word/)
        expect(await service.listKaspiAccountCredentials({})).toHaveLength(0)
      })

      it("says so when a stored token was encrypted under another key", async () => {
        const otherKey = parseTokenKey(Buffer.alloc(32, 9).toString("base64"), "OTHER")
        await service.createKaspiAccountCredentials({
          account_id: "second",
          token_ciphertext: encryptToken(otherKey, "second", STORED_SENTINEL),
        })
        const second = (await service.describeAccounts()).find((a) => a.id === "second")
        expect(second).toMatchObject({ hasToken: false, tokenSource: "stored", tokenProblem: expect.stringMatching(/another key/) })
        await expect(service.getClient("second")).rejects.toThrow(/another key/)
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
