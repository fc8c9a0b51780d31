import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createPriceListsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createReservationsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
} from "@medusajs/medusa/core-flows"
import { gunzipSync } from "node:zlib"
import { adminHeaders } from "../helpers/admin-auth"
import { validateAgainstXsd } from "../../src/lib/feed/__tests__/xsd"
import { runDueKaspiFeedBuilds } from "../../src/jobs/build-kaspi-feed"

jest.setTimeout(180_000)
// The job ticks every minute in the test app too: these tests drive it by hand.
process.env.KASPI_FEED_SCHEDULER = "off"

type Api = Parameters<Parameters<typeof medusaIntegrationTestRunner>[0]["testSuite"]>[0]["api"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: { authorization: string } }
    let ids: Record<string, string>

    const kaspi = () => getContainer().resolve("kaspi") as any
    const get = (url: string, headers: Record<string, string> = {}, responseType: "text" | "arraybuffer" = "text") =>
      // axios asks for gzip by default; without decompression we want to see exactly what was sent
      api.get(url, { headers: { "accept-encoding": "identity", ...headers }, validateStatus: () => true, responseType, decompress: false, transformResponse: (d: unknown) => d } as any)
    const adminGet = (url: string) => api.get(url, { ...admin, validateStatus: () => true })
    const adminPost = (url: string, body: unknown = {}) => api.post(url, body, { ...admin, validateStatus: () => true })

    async function feedUrl(): Promise<string> {
      return (await adminGet("/admin/kaspi/feed/default/config")).data.config.feed_path
    }
    async function configure(settings: Record<string, unknown>) {
      const r = await adminPost("/admin/kaspi/feed/default/config", settings)
      expect(r.status).toBe(200)
      return r.data.config
    }
    async function rebuild(force = false) {
      const r = await adminPost("/admin/kaspi/feed/default/rebuild", { force })
      expect(r.status).toBe(200)
      return r.data.build
    }
    async function feedXml(): Promise<string> {
      const r = await get(await feedUrl())
      expect(r.status).toBe(200)
      return r.data as string
    }
    function offerXml(xml: string, sku: string): string {
      const m = new RegExp(`<offer sku="${sku}">[\\s\\S]*?</offer>`).exec(xml)
      return m ? m[0] : ""
    }

    /** A small catalog built with Medusa's own workflows (the reader's SQL must see what they write). */
    async function seedCatalog() {
      const c = getContainer()
      const { result: [region] } = await createRegionsWorkflow(c).run({
        input: { regions: [{ name: "Kazakhstan", currency_code: "kzt", countries: ["kz"] }] },
      })
      const { result: channels } = await createSalesChannelsWorkflow(c).run({
        input: { salesChannelsData: [{ name: "Kaspi" }, { name: "Web only" }] },
      })
      const { result: locations } = await createStockLocationsWorkflow(c).run({
        input: { locations: [{ name: "Almaty" }, { name: "Astana" }] },
      })
      const variant = (sku: string | null, amount: number | null, extra: Record<string, unknown> = {}) => ({
        title: sku ?? "no sku",
        sku: sku ?? undefined,
        options: { Size: sku ?? "none" },
        prices: amount === null ? [{ currency_code: "usd", amount: 10 }] : [{ currency_code: "kzt", amount }],
        ...extra,
      })
      const product = (title: string, variants: any[], extra: Record<string, unknown> = {}) => ({
        title,
        status: ProductStatus.PUBLISHED,
        options: [{ title: "Size", values: variants.map((v) => v.options.Size) }],
        variants,
        sales_channels: [{ id: channels[0].id }],
        metadata: { brand: "Acme" },
        ...extra,
      })
      // Two runs: variant ids are time-ordered (ULIDs), so the phones are older than
      // DUP-SRC, which claims PHONE-2 as its Kaspi SKU; the older variant keeps a duplicated SKU.
      const { result: phones } = await createProductsWorkflow(c).run({
        input: {
          products: [
            product("Телефон «Қазақ» & Co", [
              variant("PHONE-1", 100000, { prices: [{ currency_code: "kzt", amount: 100000 }, { currency_code: "kzt", amount: 95000, rules: { region_id: region.id } }] }),
              variant("PHONE-2", 1999.5),
            ]),
          ],
        },
      })
      await new Promise((r) => setTimeout(r, 5))
      const { result: others } = await createProductsWorkflow(c).run({
        input: {
          products: [
            product("Skip reasons", [
              variant("NO-PRICE", null),
              variant("THIS-SKU-IS-WAY-TOO-LONG-1", 500),
              variant("BAD SKU", 500),
              variant("ZERO", 0),
              variant("DUP-SRC", 500, { metadata: { kaspi_sku: "PHONE-2" } }),
              variant("PRE-45", 500, { metadata: { kaspi_pre_order_days: 45 } }),
              variant("OPTED-OUT", 500, { metadata: { kaspi_exclude: true } }),
            ]),
            product("Draft", [variant("DRAFT-1", 500)], { status: ProductStatus.DRAFT }),
            product("Web only", [variant("WEB-1", 500)], { sales_channels: [{ id: channels[1].id }] }),
          ],
        },
      })
      const products = [...phones, ...others]
      const query = c.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "sku", "inventory_items.inventory_item_id"],
        filters: { product_id: products.map((p: any) => p.id) },
      })
      const item = (sku: string) => (variants as any[]).find((v) => v.sku === sku).inventory_items[0].inventory_item_id
      await createInventoryLevelsWorkflow(c).run({
        input: {
          inventory_levels: [
            { inventory_item_id: item("PHONE-1"), location_id: locations[0].id, stocked_quantity: 10 },
            { inventory_item_id: item("PHONE-1"), location_id: locations[1].id, stocked_quantity: 4 },
            { inventory_item_id: item("PHONE-2"), location_id: locations[0].id, stocked_quantity: 1 },
            ...["NO-PRICE", "THIS-SKU-IS-WAY-TOO-LONG-1", "BAD SKU", "ZERO", "DUP-SRC", "PRE-45", "OPTED-OUT", "WEB-1"].map((s) => ({
              inventory_item_id: item(s),
              location_id: locations[0].id,
              stocked_quantity: 5,
            })),
          ],
        },
      })
      await createReservationsWorkflow(c).run({
        input: { reservations: [{ inventory_item_id: item("PHONE-1"), location_id: locations[1].id, quantity: 3 }] },
      })
      const { result: [priceList] } = await createPriceListsWorkflow(c).run({
        input: {
          price_lists_data: [
            {
              title: "Astana prices",
              description: "Kaspi city prices",
              status: "active" as any,
              prices: [{ amount: 111111, currency_code: "kzt", variant_id: (variants as any[]).find((v) => v.sku === "PHONE-1").id }],
            },
          ],
        },
      })
      // Kaspi points: PP1 = Almaty with a buffer of 2, PP2 = Astana with 7 pre-order days by default.
      await kaspi().createKaspiStoreMappings([
        { account_id: "default", store_id: "PP1", stock_location_id: locations[0].id, stock_buffer: 2 },
        { account_id: "default", store_id: "30123456_PP2", stock_location_id: locations[1].id, pre_order_days: 7 },
      ])
      return { region: region.id, kaspiChannel: channels[0].id, webChannel: channels[1].id, priceList: priceList.id }
    }

    beforeEach(async () => {
      admin = await adminHeaders(api, getContainer())
      ids = await seedCatalog()
    })

    it("protects the feed: 404 for a wrong secret or account (same answer), 503 before the first build, 401 for admin routes", async () => {
      const path = await feedUrl()
      expect(path).toMatch(/^\/kaspi\/feed\/default\/[A-Za-z0-9_-]{43}\.xml$/)
      const wrong = await get(path.replace(/\/[^/]+\.xml$/, "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.xml"))
      const noAccount = await get(path.replace("/default/", "/nope/"))
      expect(wrong.status).toBe(404)
      expect(noAccount.status).toBe(404)
      expect(wrong.data).toEqual(noAccount.data)
      expect((await get("/kaspi/feed/default/short.xml")).status).toBe(404)

      const before = await get(path)
      expect(before.status).toBe(503)
      expect(Number(before.headers["retry-after"])).toBeGreaterThan(0)

      for (const url of ["/admin/kaspi/feed/default", "/admin/kaspi/feed/default/config", "/admin/kaspi/feed/default/report"]) {
        expect((await api.get(url, { validateStatus: () => true })).status).toBe(401)
      }
      expect((await api.post("/admin/kaspi/feed/default/rebuild", {}, { validateStatus: () => true })).status).toBe(401)
      expect((await adminGet("/admin/kaspi/feed/nope")).status).toBe(404)
    })

    it("publishes stock per Kaspi store (buffers, reservations, pre-order), price rules, and serves it with ETag, 304 and gzip", async () => {
      await configure({ sales_channel_ids: [ids.kaspiChannel], price_markup_percent: 10, price_rounding: 10, company_name: "Дүкен & Co" })
      const build = await rebuild()
      expect(build).toMatchObject({ status: "published", offers_count: 2 })

      const path = await feedUrl()
      const res = await get(path)
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toMatch(/application\/xml/)
      const xml = res.data as string
      expect(await validateAgainstXsd(xml)).toEqual({ valid: true, errors: [] })
      expect(xml).toContain("<company>Дүкен &amp; Co</company>")
      expect(xml).toContain("<merchantid>30123456</merchantid>")
      // PHONE-1: Almaty 10 − buffer 2 = 8; Astana 4 − 3 reserved = 1; 100000 +10% = 110000
      expect(offerXml(xml, "PHONE-1")).toContain("<model>Телефон «Қазақ» &amp; Co PHONE-1</model>")
      expect(offerXml(xml, "PHONE-1")).toContain('<availability available="yes" storeId="PP1" stockCount="8" preOrder="0"/>')
      expect(offerXml(xml, "PHONE-1")).toContain('<availability available="yes" storeId="30123456_PP2" stockCount="1" preOrder="0"/>')
      expect(offerXml(xml, "PHONE-1")).toContain("<price>110000</price>")
      // PHONE-2: Almaty 1 − 2 → 0 → "no"; Astana none, but 7 pre-order days → "yes"; 1999.5 × 1.1 = 2199.45 → 2200
      expect(offerXml(xml, "PHONE-2")).toContain('<availability available="no" storeId="PP1" stockCount="0" preOrder="0"/>')
      expect(offerXml(xml, "PHONE-2")).toContain('<availability available="yes" storeId="30123456_PP2" stockCount="0" preOrder="7"/>')
      expect(offerXml(xml, "PHONE-2")).toContain("<price>2200</price>")
      for (const absent of ["DRAFT-1", "WEB-1", "OPTED-OUT", "NO-PRICE"]) expect(xml).not.toContain(`"${absent}"`)

      const etag = res.headers["etag"]
      const lastModified = res.headers["last-modified"]
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
      expect((await get(path, { "if-none-match": etag })).status).toBe(304)
      expect((await get(path, { "if-modified-since": lastModified })).status).toBe(304)
      expect((await get(path, { "if-none-match": '"other"' })).status).toBe(200)

      const gz = await get(path, { "accept-encoding": "gzip" }, "arraybuffer")
      expect(gz.status).toBe(200)
      expect(gz.headers["content-encoding"]).toBe("gzip")
      expect(gunzipSync(Buffer.from(gz.data as ArrayBuffer)).toString("utf8")).toBe(xml)
      const plain = await get(path, { "accept-encoding": "identity" })
      expect(plain.headers["content-encoding"]).toBeUndefined()
      expect(plain.data).toBe(xml)

      // Nothing changed: the next build keeps the live feed (same ETag, same date).
      expect(await rebuild()).toMatchObject({ status: "unchanged" })
      expect((await get(path)).headers["etag"]).toBe(etag)
    })

    it("uses region prices and per-city price lists when configured", async () => {
      await configure({ sales_channel_ids: [ids.kaspiChannel], price_source: "region", price_region_id: ids.region })
      await rebuild()
      let xml = await feedXml()
      expect(offerXml(xml, "PHONE-1")).toContain("<price>95000</price>")
      expect(offerXml(xml, "PHONE-2")).toContain("<price>2000</price>") // no region price: base 1999.5 → 2000

      await configure({ city_prices: [{ city_id: "750000000", region_id: ids.region }, { city_id: "710000000", price_list_id: ids.priceList }] })
      await rebuild()
      xml = await feedXml()
      expect(await validateAgainstXsd(xml)).toEqual({ valid: true, errors: [] })
      expect(offerXml(xml, "PHONE-1")).not.toContain("<price>")
      expect(offerXml(xml, "PHONE-1")).toContain('<cityprice cityId="750000000">95000</cityprice>')
      expect(offerXml(xml, "PHONE-1")).toContain('<cityprice cityId="710000000">111111</cityprice>')
      expect(offerXml(xml, "PHONE-2")).toContain('<cityprice cityId="710000000">2000</cityprice>')
    })

    it("skips bad offers with their reason and reports them; the rest is published", async () => {
      await configure({ sales_channel_ids: [ids.kaspiChannel] })
      const build = await rebuild()
      expect(build).toMatchObject({ status: "published", offers_count: 2, skipped_count: 6, excluded_count: 1 })
      const report = (await adminGet("/admin/kaspi/feed/default/report")).data
      expect(report.skipped_by_reason).toEqual({
        missing_price: 1,
        sku_too_long: 1,
        sku_invalid_chars: 1,
        invalid_price: 1,
        duplicate_sku: 1,
        invalid_pre_order: 1,
      })
      const bySku = Object.fromEntries(report.issues.map((i: any) => [i.sku, i.code]))
      expect(bySku).toEqual({
        "NO-PRICE": "missing_price",
        "THIS-SKU-IS-WAY-TOO-LONG-1": "sku_too_long",
        "BAD SKU": "sku_invalid_chars",
        ZERO: "invalid_price",
        "PHONE-2": "duplicate_sku",
        "PRE-45": "invalid_pre_order",
      })
      expect((await adminGet("/admin/kaspi/feed/default/report?code=sku_too_long")).data.issues).toHaveLength(1)
      // A longer limit lets the long SKU through.
      await configure({ sku_max_length: 64 })
      expect(await rebuild()).toMatchObject({ offers_count: 3 })
      // A template that yields nothing, and a Kaspi account without stores: every offer says why.
      await configure({ model_template: "{variant.metadata.nothing}" })
      expect((await rebuild()).stats.skipped_by_reason).toMatchObject({ empty_model: 7, sku_invalid_chars: 1 })
      await configure({ model_template: "{product.title}" })
      const mappings = await kaspi().listKaspiStoreMappings({ account_id: "default" })
      await kaspi().deleteKaspiStoreMappings(mappings.map((m: any) => m.id))
      const none = await rebuild()
      expect(none).toMatchObject({ status: "refused", refusal_code: "empty_feed" })
      expect(none.stats.skipped_by_reason).toMatchObject({ no_availability: 5, missing_price: 1, invalid_price: 1 })
      expect((await adminGet("/admin/kaspi/feed/default")).data.feed.problems.join(" ")).toMatch(/No Kaspi store/)
    })

    it("guards: never publishes an empty feed, holds back a big drop (last good feed stays), force publishes it", async () => {
      await configure({ sales_channel_ids: [ids.webChannel], product_tag_ids: ["ptag_none"] })
      const empty = await rebuild()
      expect(empty).toMatchObject({ status: "refused", refusal_code: "empty_feed", offers_count: 0 })
      expect(empty.message).toMatch(/no valid offers/)
      const path = await feedUrl()
      expect((await get(path)).status).toBe(503)
      const status = (await adminGet("/admin/kaspi/feed/default")).data.feed
      expect(status.live_build).toBeNull()
      expect(status.problems.join(" ")).toMatch(/no valid offers/)

      await configure({ sales_channel_ids: [ids.kaspiChannel], product_tag_ids: [], sku_max_length: 64 })
      expect(await rebuild()).toMatchObject({ status: "published", offers_count: 3 })
      const live = await get(path)

      // Dropping 2 of 3 offers (67% > 20%) is refused; Kaspi keeps getting the last good feed.
      await kaspi().updateKaspiStoreMappings({ selector: { store_id: "PP1" }, data: { stock_buffer: 100 } })
      await configure({ sku_max_length: 20, price_fixed_add: -2000 })
      const refused = await rebuild()
      expect(refused).toMatchObject({ status: "refused", refusal_code: "too_many_removed" })
      expect(refused.diff).toMatchObject({ previous_offers: 3, removed: 2, offers: 1, stock_changed: 1 })
      const still = await get(path)
      expect(still.headers["etag"]).toBe(live.headers["etag"])
      expect(still.data).toBe(live.data)
      const diff = (await adminGet("/admin/kaspi/feed/default/diff")).data
      expect(diff).toMatchObject({ status: "refused", diff: { removed: 2 } })
      expect(diff.diff.samples.removed.sort()).toEqual(["PHONE-2", "THIS-SKU-IS-WAY-TOO-LONG-1"])
      // Why, as a sentence the admin and the notification say in the reader's language.
      const feedStatus = (await adminGet("/admin/kaspi/feed/default")).data.feed
      expect(feedStatus.latest_build.refusal_text).toEqual({ code: "feed.refused.too_many_removed", params: { removed: 2, previous: 3, share: "66.7%" } })
      expect(feedStatus.live_build.refusal_text).toBeNull()

      const forced = await rebuild(true)
      expect(forced).toMatchObject({ status: "published", forced: true, offers_count: 1 })
      expect(forced.message).toMatch(/by force/)
      const after = (await get(path)).data as string
      expect(offerXml(after, "PHONE-1")).toContain('storeId="PP1" stockCount="0"')
      expect(offerXml(after, "PHONE-1")).toContain("<price>98000</price>")
      const history = (await adminGet("/admin/kaspi/feed/default/builds")).data
      expect(history.builds.map((b: any) => b.status)).toEqual(["published", "refused", "published", "refused"])
    })

    it("admin API: config validation, secret rotation, preview of the first offers and of one SKU, status", async () => {
      const bad = await adminPost("/admin/kaspi/feed/default/config", { price_rounding: 7, nope: 1 })
      expect(bad.status).toBe(400)
      const inconsistent = await adminPost("/admin/kaspi/feed/default/config", { price_source: "price_list" })
      expect(inconsistent.status).toBe(400)
      expect(inconsistent.data.message).toMatch(/price_list_id is required/)
      const cfg = await configure({ sales_channel_ids: [ids.kaspiChannel], enabled: true })
      expect(cfg).toMatchObject({ enabled: true, settings: { sku_max_length: 20, interval_minutes: 15, max_removed_share: 0.2 } })
      expect(cfg.feed_url).toMatch(/^http:\/\/.+\/kaspi\/feed\/default\/.+\.xml$/)

      await rebuild()
      const oldPath = await feedUrl()
      const rotated = (await adminPost("/admin/kaspi/feed/default/rotate-secret")).data.config
      expect(rotated.feed_path).not.toBe(oldPath)
      expect((await get(oldPath)).status).toBe(404)
      expect((await get(rotated.feed_path)).status).toBe(200)

      const preview = (await adminGet("/admin/kaspi/feed/default/preview?limit=3")).data
      expect(preview.count).toBe(3)
      const one = (await adminGet("/admin/kaspi/feed/default/preview?sku=PHONE-1")).data
      expect(one.offers).toHaveLength(1)
      expect(one.offers[0]).toMatchObject({ status: "ok", sku: "PHONE-1", offer: { price: 100000 } })
      expect(one.offers[0].xml).toContain('<offer sku="PHONE-1">')
      const bad45 = (await adminGet("/admin/kaspi/feed/default/preview?sku=PRE-45")).data.offers[0]
      expect(bad45).toMatchObject({ status: "skipped", issue: { code: "invalid_pre_order" } })
      expect((await adminGet("/admin/kaspi/feed/default/preview?sku=DRAFT-1")).data.reason).toMatch(/draft/)
      expect((await adminGet("/admin/kaspi/feed/default/preview?sku=WEB-1")).data.reason).toMatch(/publication filters/)
      expect((await adminGet("/admin/kaspi/feed/default/preview?sku=NOPE")).data.reason).toMatch(/No Medusa variant/)

      const status = (await adminGet("/admin/kaspi/feed/default")).data.feed
      expect(status).toMatchObject({ enabled: true, live_build: { status: "published", offers_count: 2 } })
      expect(status.store_mappings.map((s: any) => s.store_id)).toEqual(["30123456_PP2", "PP1"])
      expect(status.live_build.issues).toBeUndefined()
    })

    it("the scheduled job builds enabled feeds when due, once, under the lock", async () => {
      const c = getContainer()
      expect(await runDueKaspiFeedBuilds(c)).toEqual({ default: "not_due" }) // disabled by default
      await configure({ sales_channel_ids: [ids.kaspiChannel], enabled: true, interval_minutes: 15 })
      const now = new Date()
      // Two instances ticking at once: one builds, the other is busy or finds it not due.
      const [a, b] = await Promise.all([runDueKaspiFeedBuilds(c, now), runDueKaspiFeedBuilds(c, now)])
      expect([a.default, b.default].sort()).toEqual(expect.arrayContaining(["built"]))
      expect([a.default, b.default].filter((x) => x === "built")).toHaveLength(1)
      expect(await runDueKaspiFeedBuilds(c, new Date(now.getTime() + 5 * 60_000))).toEqual({ default: "not_due" })
      expect(await runDueKaspiFeedBuilds(c, new Date(now.getTime() + 16 * 60_000))).toEqual({ default: "built" })
      const history = (await adminGet("/admin/kaspi/feed/default/builds")).data
      expect(history.builds.map((b: any) => [b.trigger, b.status])).toEqual([
        ["schedule", "unchanged"],
        ["schedule", "published"],
      ])
      expect(c.resolve(Modules.LOCKING)).toBeDefined()
    })
  },
})
