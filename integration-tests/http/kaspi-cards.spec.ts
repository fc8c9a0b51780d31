import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import { adminHeaders } from "../helpers/admin-auth"
import { prepareKaspiShop } from "../helpers/kaspi-shop"
import { CONTENT_API_ROUTES } from "../../sandbox"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { followKaspiCardImports } from "../../src/lib/cards/follow-kaspi-card-imports"
import type {
  AdminKaspiCardAttributesResponse,
  AdminKaspiCardCategoriesResponse,
  AdminKaspiCardImportResponse,
  AdminKaspiCardImportsResponse,
  AdminKaspiCardsPreviewResponse,
  AdminKaspiCardsSendResponse,
  AdminKaspiProductCardsResponse,
  KaspiAttributeSource,
} from "../../src/types"

jest.setTimeout(180_000)

const TOKEN = "cards-test-token"
const ACCOUNT = "default"
const CATEGORY = "Master - Smartphones"
const sandbox = sandboxForSuite(TOKEN)

/** Where each Smartphones attribute comes from (the sandbox's leaf, sandbox/content/catalog.ts). */
const SOURCES: Record<string, KaspiAttributeSource> = {
  "Smartphones*Model": { from: "metadata", of: "product", key: "model" },
  "Smartphones*Color": { from: "option", title: "Цвет" },
  "Smartphones*Built-in memory": { from: "value", value: "128 ГБ" },
  "Smartphones*Screen diagonal": { from: "metadata", of: "product", key: "diagonal" },
  "Smartphones*Dual SIM": { from: "value", value: true },
}

/**
 * Issue #18: Medusa products sent to Kaspi as cards through the content API
 * (API.md a.14) and followed to their result, against the sandbox over HTTP.
 * The test app's productsMs is 5 s (medusa-config.ts), so "60 s" is 5 here.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }
    const noThrow = { validateStatus: () => true }
    type Res<T> = { status: number; data: T }
    const get = async <T,>(url: string, opts: object = admin) => (await api.get(url, opts)) as Res<T>
    const post = async <T,>(url: string, body: unknown, opts: object = admin) => (await api.post(url, body, opts)) as Res<T>

    /** A smartphone with one variant per colour, a brand where the feed reads it (metadata "brand"), public images. */
    async function phone(container: MedusaContainer, over: { sku: string; colors?: string[]; images?: string[]; metadata?: Record<string, unknown> }) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
      const colors = over.colors ?? ["черный"]
      const images = over.images ?? ["https://example.com/a.jpg", "https://example.com/b.jpg"]
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: `Смартфон ${over.sku}`,
              description: "<p>Смартфон с большим экраном</p>",
              status: ProductStatus.PUBLISHED,
              thumbnail: images[0],
              images: images.map((url) => ({ url })),
              metadata: { brand: "Acme", model: "X1", diagonal: "6.1", ...over.metadata },
              shipping_profile_id: ((profiles as any[]).find((p) => p.type === "default") ?? profiles[0])?.id,
              options: [{ title: "Цвет", values: colors }],
              variants: colors.map((c, i) => ({
                title: c,
                sku: `${over.sku}-${i + 1}`,
                options: { Цвет: c },
                manage_inventory: false,
                prices: [{ currency_code: "kzt", amount: 100_000 }],
              })),
            },
          ],
        },
      })
      return result[0].id
    }

    const send = (product_ids: string[], over: Record<string, unknown> = {}) =>
      post<AdminKaspiCardsSendResponse>("/admin/kaspi/cards/send", { product_ids, category: CATEGORY, sources: SOURCES, ...over }, { ...admin, ...noThrow })

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi } = await prepareKaspiShop(container, sandbox, ACCOUNT, [{ sku: "CARDS-BASE", price: 1000, stock: 1 }]))
      admin = await adminHeaders(api, container)
    })

    it("classification: leaf categories searched, attributes mandatory first with enum values, the mapping saved", async () => {
      const cats = (await get<AdminKaspiCardCategoriesResponse>("/admin/kaspi/cards/categories?q=smart", admin)).data
      expect(cats.categories.map((c) => c.code).sort()).toEqual(["Master - Smart watches", "Master - Smartphones"])
      expect(cats.count).toBe(2)
      const byTitle = (await get<AdminKaspiCardCategoriesResponse>(`/admin/kaspi/cards/categories?q=${encodeURIComponent("смартф")}`, admin)).data
      expect(byTitle.categories).toEqual([{ code: CATEGORY, title: "Смартфоны" }])
      const before = sandbox.requests().length
      await api.get("/admin/kaspi/cards/categories", admin)
      expect(sandbox.requests().length).toBe(before) // from the cache
      await api.get("/admin/kaspi/cards/categories?refresh=true", admin)
      expect(sandbox.requests().length).toBe(before + 1)

      const attrs = (await get<AdminKaspiCardAttributesResponse>(`/admin/kaspi/cards/attributes?category=${encodeURIComponent(CATEGORY)}`, admin)).data
      const mandatory = attrs.attributes.map((a) => a.mandatory)
      expect(mandatory).toEqual([...mandatory].sort((a, b) => Number(b) - Number(a)))
      expect(attrs.attributes.find((a) => a.code === "Smartphones*Color")?.values).toEqual(expect.arrayContaining([{ code: "черный", name: "черный" }]))
      expect(attrs.attributes.find((a) => a.code === "Smartphones*Model")?.values).toBeUndefined()
      const parent = await api.get(`/admin/kaspi/cards/attributes?category=${encodeURIComponent("Master - Phones and gadgets")}`, { ...admin, ...noThrow })
      expect(parent.status).toBe(400)

      // Kaspi down: a refresh keeps the last copy; what was never read is a 400 in Kaspi's words, not an unknown error.
      sandbox.setFaults({ rate: 1, kinds: ["5xx"] })
      try {
        const stale = await api.get("/admin/kaspi/cards/categories?q=smart&refresh=true", { ...admin, ...noThrow })
        expect(stale.status).toBe(200)
        expect(stale.data.count).toBe(2)
        const never = await api.get(`/admin/kaspi/cards/attributes?category=${encodeURIComponent("Master - Smart watches")}`, { ...admin, ...noThrow })
        expect(never.status).toBe(400)
        expect(never.data.message).toMatch(/^Kaspi's classification \(attributes:Master - Smart watches\) could not be read: /)
      } finally {
        sandbox.setFaults({ rate: 0, kinds: [] })
      }

      const q = `category=${encodeURIComponent(CATEGORY)}`
      expect((await api.get(`/admin/kaspi/cards/mapping?${q}`, admin)).data).toEqual({ category: CATEGORY, sources: {} })
      expect((await api.post("/admin/kaspi/cards/mapping", { category: CATEGORY, sources: SOURCES }, admin)).status).toBe(200)
      expect((await api.get(`/admin/kaspi/cards/mapping?${q}`, admin)).data).toEqual({ category: CATEGORY, sources: SOURCES })
      const bad = await api.post("/admin/kaspi/cards/mapping", { category: CATEGORY, sources: { x: { from: "nowhere" } } }, { ...admin, ...noThrow })
      expect(bad.status).toBe(400)
    })

    it("FINISHED: sent once, followed to Kaspi's per-SKU result; the same product not sent twice; a change sent again", async () => {
      const container = getContainer()
      // "фиолетовый" is not among Kaspi's colours: a warning here, an ERROR at Kaspi (a mandatory attribute).
      const productId = await phone(container, { sku: "PH-A", colors: ["черный", "фиолетовый"] })
      await api.post("/admin/kaspi/cards/mapping", { category: CATEGORY, sources: SOURCES }, admin)

      const preview = (await post<AdminKaspiCardsPreviewResponse>("/admin/kaspi/cards/preview", { product_ids: [productId], category: CATEGORY }, admin)).data
      expect(preview.cards.map((c) => [c.sku, c.ok, c.unchanged])).toEqual([
        ["PH-A-1", true, false],
        ["PH-A-2", true, false],
      ])
      expect(preview.cards[0].card).toMatchObject({ sku: "PH-A-1", brand: "Acme", category: CATEGORY, images: [{ url: "https://example.com/a.jpg" }, { url: "https://example.com/b.jpg" }] })
      expect(preview.cards[1].warnings).toEqual([{ field: "attributes.Smartphones*Color", reason: expect.stringContaining("фиолетовый") }])
      expect(sandbox.contentImports()).toEqual([])

      // The saved mapping is used when the send names none.
      const first = await post<AdminKaspiCardsSendResponse>("/admin/kaspi/cards/send", { product_ids: [productId], category: CATEGORY }, admin)
      expect(first.status).toBe(200)
      expect(first.data.sent).toEqual(["PH-A-1", "PH-A-2"])
      expect(first.data.unchanged).toEqual([])
      expect(first.data.import).toMatchObject({ status: "uploaded", status_name: "UPLOADED", skus: ["PH-A-1", "PH-A-2"], product_ids: [productId] })
      const imports = sandbox.contentImports()
      expect(imports).toHaveLength(1)
      expect(imports[0].code).toBe(first.data.import!.import_code)
      expect((imports[0].body as any[]).map((c) => c.sku)).toEqual(["PH-A-1", "PH-A-2"])
      expect(JSON.stringify(imports[0].body)).not.toMatch(/price|stock/i)

      // Not yet processed: the follow finds it still uploaded.
      expect(await followKaspiCardImports(container, { everySeconds: 0 })).toMatchObject({ busy: false, checked: 1, finished: 0 })
      const product = (await get<AdminKaspiProductCardsResponse>(`/admin/kaspi/cards/products/${productId}`, admin)).data
      expect(product.category).toBe(CATEGORY)
      expect(product.cards.map((c) => c.state)).toEqual(["uploaded", "uploaded"])

      sandbox.advanceClock(61_000)
      expect(await followKaspiCardImports(container, { everySeconds: 0 })).toMatchObject({ busy: false, checked: 1, finished: 1 })
      const done = (await get<AdminKaspiCardImportResponse>(`/admin/kaspi/cards/imports/${first.data.import!.id}`, admin)).data
      expect(done.import).toMatchObject({ status: "finished", status_name: "FINISHED", errors: 1, warnings: 0, total: 2 })
      expect(done.import.result?.["PH-A-1"]).toMatchObject({ outcome: "imported", state: "FINISHED" })
      expect(done.import.result?.["PH-A-2"]).toMatchObject({ outcome: "error", state: "ERROR" })
      const states = Object.fromEntries(done.cards.map((c) => [c.sku, c]))
      expect(states["PH-A-1"]).toMatchObject({ state: "finished", messages: [] })
      expect(states["PH-A-2"].state).toBe("error")
      expect(states["PH-A-2"].messages.join(" ")).toMatch(/Color/)
      // Nothing left to follow.
      expect(await followKaspiCardImports(container, { everySeconds: 0 })).toMatchObject({ checked: 0 })

      // Sent again unchanged: the finished card is not sent twice; the one Kaspi refused may be.
      const second = await send([productId])
      expect(second.status).toBe(200)
      expect(second.data.unchanged).toEqual(["PH-A-1"])
      expect(second.data.sent).toEqual(["PH-A-2"])
      expect(sandbox.contentImports()).toHaveLength(2)
      const again = (await post<AdminKaspiCardsPreviewResponse>("/admin/kaspi/cards/preview", { product_ids: [productId], category: CATEGORY }, admin)).data
      expect(again.cards.map((c) => [c.sku, c.unchanged])).toEqual([
        ["PH-A-1", true],
        ["PH-A-2", true],
      ])
      const third = await send([productId])
      expect(third.data).toMatchObject({ import: null, sent: [], unchanged: ["PH-A-1", "PH-A-2"] })
      expect(sandbox.contentImports()).toHaveLength(2)

      // A changed product (new title) is a new card: sent again.
      await updateProductsWorkflow(container).run({ input: { selector: { id: productId }, update: { title: "Смартфон PH-A новый" } } })
      const changed = await send([productId])
      expect(changed.data.sent).toEqual(["PH-A-1", "PH-A-2"])
      expect(sandbox.contentImports()).toHaveLength(3)
      expect((sandbox.contentImports()[2].body as any[])[0].title).toContain("новый")

      const list = (await get<AdminKaspiCardImportsResponse>(`/admin/kaspi/cards/imports?product_id=${productId}`, admin)).data
      expect(list.count).toBe(3)
      expect(list.imports[0].id).toBe(changed.data.import!.id)
      expect(list.imports[2].id).toBe(first.data.import!.id)
      expect((await get<AdminKaspiCardImportsResponse>("/admin/kaspi/cards/imports?product_id=prod_none", admin)).data.count).toBe(0)

      // "Ask Kaspi now" (the admin's refresh): one import's status and result read at once, not at the job's next run.
      sandbox.advanceClock(61_000)
      const asked = sandbox.requests().length
      const refreshed = (await post<AdminKaspiCardImportResponse>(`/admin/kaspi/cards/imports/${changed.data.import!.id}/refresh`, {}, admin)).data
      expect(refreshed.import).toMatchObject({ status: "finished", total: 2 })
      expect(refreshed.cards.map((c) => c.state).sort()).toEqual(["error", "finished"])
      expect(sandbox.requests().length - asked).toBe(2)
      // A settled import is answered as it is, without asking Kaspi.
      await post(`/admin/kaspi/cards/imports/${changed.data.import!.id}/refresh`, {}, admin)
      expect(sandbox.requests().length - asked).toBe(2)
    })

    it("two sends at once of the same product: exactly one import", async () => {
      const productId = await phone(getContainer(), { sku: "PH-B" })
      await api.get("/admin/kaspi/cards/categories", admin) // the cache warm, so both race on the claim
      const [a, b] = await Promise.all([send([productId]), send([productId])])
      expect([a.status, b.status]).toEqual([200, 200])
      expect(sandbox.contentImports()).toHaveLength(1)
      const results = [a.data, b.data].sort((x, y) => y.sent.length - x.sent.length)
      expect(results[0]).toMatchObject({ sent: ["PH-B-1"], unchanged: [] })
      expect(results[1]).toMatchObject({ import: null, sent: [], unchanged: ["PH-B-1"] })
    })

    it("ABORTED: Kaspi's description on the import, its cards aborted and sendable again", async () => {
      const container = getContainer()
      const productId = await phone(container, { sku: "PH-C" })
      // Kaspi aborts a file that fails its import schema as a whole. The plugin checks the schema before
      // sending, so the file is sent here as a schema Kaspi changed would see it: one field more.
      const preview = (await post<AdminKaspiCardsPreviewResponse>("/admin/kaspi/cards/preview", { product_ids: [productId], category: CATEGORY, sources: SOURCES }, admin)).data
      const card = preview.cards[0]
      const { ledger } = kaspi.cards()
      const claims = await ledger.claim(ACCOUNT, [{ product_id: productId, variant_id: card.variant_id, sku: card.sku, category: CATEGORY, card: card.card!, card_hash: "changed-schema" }])
      expect(claims).toEqual([{ sku: "PH-C-1", previous: null }])
      const importId = await ledger.openImport(ACCOUNT, { category: CATEGORY, skus: ["PH-C-1"], product_ids: [productId] })
      const client = await kaspi.getClient(ACCOUNT)
      await ledger.markUploaded(importId, await client.content.importProducts([{ ...card.card!, video: "https://example.com/v.mp4" }]))

      sandbox.advanceClock(61_000)
      expect(await followKaspiCardImports(container, { everySeconds: 0 })).toMatchObject({ checked: 1, aborted: 1 })
      const aborted = (await get<AdminKaspiCardImportResponse>(`/admin/kaspi/cards/imports/${importId}`, admin)).data
      expect(aborted.import).toMatchObject({ status: "aborted", status_name: "ABORTED" })
      expect(aborted.import.description).toContain("does not match the import schema")
      expect(aborted.import.finished_at).not.toBeNull()
      expect(aborted.cards).toEqual([expect.objectContaining({ sku: "PH-C-1", state: "aborted", messages: [aborted.import.description] })])

      // Sendable again: the same product goes out in a new import.
      const again = await send([productId])
      expect(again.data.sent).toEqual(["PH-C-1"])
      expect(sandbox.contentImports()).toHaveLength(2)
    })

    it("a timeout: the import send_failed with kind timeout, the cards sendable again, nothing stuck in sending", async () => {
      const productId = await phone(getContainer(), { sku: "PH-D" })
      await api.post("/admin/kaspi/cards/preview", { product_ids: [productId], category: CATEGORY, sources: SOURCES }, admin) // classification cached
      sandbox.setFaults({ rate: 1, kinds: ["timeout"], routes: CONTENT_API_ROUTES })
      const started = Date.now()
      const failed = await send([productId])
      expect(Date.now() - started).toBeLessThan(30_000)
      expect(failed.status).toBe(200)
      expect(failed.data.sent).toEqual([])
      expect(failed.data.import).toMatchObject({ status: "send_failed", import_code: null })
      expect(failed.data.import!.error).toMatch(/^timeout: /)
      expect(failed.data.import!.error).not.toContain(TOKEN)
      const cards = (await get<AdminKaspiProductCardsResponse>(`/admin/kaspi/cards/products/${productId}`, admin)).data.cards
      expect(cards.map((c) => c.state)).toEqual(["send_failed"])

      sandbox.setFaults({ rate: 0, kinds: [] })
      const again = await send([productId])
      expect(again.data.sent).toEqual(["PH-D-1"])
      expect(again.data.import?.status).toBe("uploaded")
      expect(sandbox.contentImports()).toHaveLength(1)
      const list = (await get<AdminKaspiCardImportsResponse>("/admin/kaspi/cards/imports", admin)).data
      expect(list.imports.map((i) => i.status)).toEqual(["uploaded", "send_failed"])
    })

    it("an import Kaspi does not finish in time is given up on: unknown with the reason, its cards sendable again", async () => {
      const container = getContainer()
      const productId = await phone(container, { sku: "PH-G" })
      const first = await send([productId])
      expect(first.data.import?.status).toBe("uploaded")
      // The sandbox has not processed it (its clock not moved); a day and more has passed for the follower.
      const later = new Date(Date.now() + 25 * 3_600_000)
      expect(await followKaspiCardImports(container, { everySeconds: 0, now: later })).toMatchObject({ checked: 1, gaveUp: 1 })
      const given = (await get<AdminKaspiCardImportResponse>(`/admin/kaspi/cards/imports/${first.data.import!.id}`)).data
      expect(given.import).toMatchObject({ status: "unknown", status_name: "UPLOADED" })
      expect(given.import.error).toContain("cards.giveUpAfterHours")
      expect(given.cards.map((c) => c.state)).toEqual(["error"])
      // No longer asked about; the card goes out again in a new import.
      expect(await followKaspiCardImports(container, { everySeconds: 0, now: later })).toMatchObject({ checked: 0 })
      expect((await send([productId])).data.sent).toEqual(["PH-G-1"])
      expect(sandbox.contentImports()).toHaveLength(2)
    })

    it("a claim undone (the send's compensation): a new card is gone, a sent one is back as it was", async () => {
      const productId = await phone(getContainer(), { sku: "PH-H", colors: ["черный", "белый"] })
      const first = await send([productId])
      expect(first.data.sent).toEqual(["PH-H-1", "PH-H-2"])
      const before = await kaspi.listKaspiCards({ sku: "PH-H-1" })
      const { ledger } = kaspi.cards()
      const card = { product_id: productId, variant_id: before[0].variant_id, category: CATEGORY, card: { changed: true }, card_hash: "other" }
      const claims = await ledger.claim(ACCOUNT, [
        { ...card, sku: "PH-H-1" },
        { ...card, sku: "PH-H-NEW" },
      ])
      expect(claims.map((c) => [c.sku, c.previous?.state ?? null])).toEqual([
        ["PH-H-1", "uploaded"],
        ["PH-H-NEW", null],
      ])
      // Claimed: a second claim of the same change takes nothing.
      expect(await ledger.claim(ACCOUNT, [{ ...card, sku: "PH-H-1" }])).toEqual([])
      await ledger.release(ACCOUNT, claims)
      const after = await kaspi.listKaspiCards({ sku: ["PH-H-1", "PH-H-NEW"] })
      expect(after).toHaveLength(1)
      expect(after[0]).toMatchObject({ sku: "PH-H-1", state: "uploaded", card_hash: before[0].card_hash, import_id: first.data.import!.id, card: before[0].card })
    })

    it("bad input: refused before sending, the field named, nothing sent and nothing recorded", async () => {
      const container = getContainer()
      const good = await phone(container, { sku: "PH-E" })
      const noImage = await phone(container, { sku: "PH-F", images: [] })

      const unknown = await send([good], { category: "Master - Phones and gadgets" })
      expect(unknown.status).toBe(400)
      expect((unknown.data as any).message).toContain("category")

      const wrongType = await send([good], { sources: { ...SOURCES, "Smartphones*Screen diagonal": { from: "value", value: "большой" } } })
      expect(wrongType.status).toBe(400)
      expect((wrongType.data as any).message).toContain("PH-E-1: attributes.Smartphones*Screen diagonal — \"большой\" is not a number")

      const missingImage = await send([good, noImage])
      expect(missingImage.status).toBe(400)
      expect((missingImage.data as any).message).toContain("PH-F-1: images — Kaspi needs at least one image")

      const preview = (await post<AdminKaspiCardsPreviewResponse>("/admin/kaspi/cards/preview", { product_ids: [noImage], category: CATEGORY, sources: SOURCES })).data
      expect(preview.cards).toEqual([expect.objectContaining({ sku: "PH-F-1", ok: false, card: null, problems: [{ field: "images", reason: "Kaspi needs at least one image" }] })])

      const badBody = await api.post("/admin/kaspi/cards/send", { product_ids: [], category: CATEGORY }, { ...admin, ...noThrow })
      expect(badBody.status).toBe(400)

      expect(sandbox.contentImports()).toEqual([])
      expect(sandbox.requests().filter((r) => r.method === "POST")).toEqual([])
      expect(await kaspi.listKaspiCards({})).toEqual([])
      expect(await kaspi.listKaspiCardImports({})).toEqual([])
    })
  },
})
