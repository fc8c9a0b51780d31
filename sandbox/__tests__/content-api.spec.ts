// The product content API (API.md a.14): classification, the import schema, imports from
// UPLOADED to FINISHED (per-SKU results) or ABORTED, the configurable names, the hang control.

import { CONTENT_API_ROUTES, guideImportProduct, type KaspiSandbox } from "../index"
import { TOKEN, UA, control, kaspi, rawRequest, sleep, start, type CallOptions } from "./helpers"

const JSON_ACCEPT = "application/json"
const NB = "Exercise notebooks*Obsie harakteristiki.exercise notebooks"
const MINUTE = 60_000

/** A content GET: plain JSON Accept, as a.0 says for /products. */
const get = (sb: KaspiSandbox, path: string, o: CallOptions = {}) => kaspi(sb, path, { accept: JSON_ACCEPT, ...o })
const q = (s: string) => encodeURIComponent(s).replace(/\*/g, "%2A")

/** POST /products/import with the guide's text/plain unless told otherwise. */
function upload(sb: KaspiSandbox, body: unknown, contentType = "text/plain", o: CallOptions = {}) {
  return kaspi(sb, "/products/import", { method: "POST", accept: JSON_ACCEPT, body, headers: { "Content-Type": contentType }, ...o })
}

/** Payload 12's import example: a notebook with every mandatory attribute. */
const notebook = (sku: string, over: Record<string, unknown> = {}) => ({ ...guideImportProduct(sku), ...over })

function withAttributes(sku: string, edit: (a: Array<{ code: string; value: unknown }>) => Array<{ code: string; value: unknown }>) {
  return notebook(sku, { attributes: edit(notebook(sku).attributes) })
}

describe("content API", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ tokens: [TOKEN, "shop-b"], wafHangMs: 300 })
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  describe("classification", () => {
    it("lists the leaf categories with Russian titles, as plain JSON", async () => {
      const r = await get(sb, "/products/classification/categories")
      expect(r.status).toBe(200)
      expect(r.headers.get("content-type")).toBe("application/json")
      expect(r.json.length).toBeGreaterThanOrEqual(8)
      expect(r.json).toContainEqual({ code: "Master - Smartphones", title: "Смартфоны" })
      expect(r.json).toContainEqual({ code: "Master - Exercise notebooks", title: "Тетради" })
      for (const c of r.json) {
        expect(Object.keys(c).sort()).toEqual(["code", "title"])
        expect(c.code).toMatch(/^Master ?-[a-zA-Z_\s\d-]+$/)
        expect(c.title).toMatch(/[а-яА-Я]/)
      }
      // parents are not listed
      expect(r.json.map((c: { code: string }) => c.code)).not.toContain("Master - Phones and gadgets")
    })

    it("gives each leaf mandatory and optional attributes; together every type, and multi-valued enums", async () => {
      const leaves: Array<{ code: string }> = (await get(sb, "/products/classification/categories")).json
      const seen = new Set<string>()
      for (const { code } of leaves) {
        const r = await get(sb, `/products/classification/attributes?c=${q(code)}`)
        expect(r.status).toBe(200)
        const attrs: Array<{ code: string; type: string; multiValued: boolean; mandatory: boolean }> = r.json
        expect(attrs.some((a) => a.mandatory)).toBe(true)
        expect(attrs.some((a) => !a.mandatory)).toBe(true)
        for (const a of attrs) {
          expect(Object.keys(a).sort()).toEqual(["code", "mandatory", "multiValued", "type"])
          expect(a.code).toMatch(/^([a-zA-Z_\s\d&.\-#%/,]+\*)+[a-zA-Z_\s\d&.\-#%/,]+$/)
          seen.add(a.multiValued ? `${a.type}*` : a.type)
        }
      }
      expect([...seen].sort()).toEqual(["boolean", "enum", "enum*", "number", "string"])
      const phones = (await get(sb, `/products/classification/attributes?c=${q("Master - Smartphones")}`)).json
      expect(phones).toContainEqual({ code: "Smartphones*Model", type: "string", multiValued: false, mandatory: true })
      expect(phones).toContainEqual({ code: "Smartphones*Color", type: "enum", multiValued: false, mandatory: true })
    })

    it("lists an enum's recommended values; other types have none", async () => {
      const values = await get(sb, `/products/classification/attribute/values?c=${q("Master - Exercise notebooks")}&a=${q(`${NB}*cover`)}`)
      expect(values.status).toBe(200)
      expect(values.json).toEqual([
        { code: "мягкая", name: "мягкая" },
        { code: "твердая", name: "твердая" },
      ])
      // the form-encoded space (+) reads the same
      const plus = await get(sb, `/products/classification/attribute/values?c=Master+-+Smartphones&a=Smartphones*Color`)
      expect(plus.json).toContainEqual({ code: "черный", name: "черный" })
      expect((await get(sb, `/products/classification/attribute/values?c=${q("Master - Smartphones")}&a=${q("Smartphones*Model")}`)).json).toEqual([])
    })

    it("refuses unknown or parent categories, unknown attributes and undocumented parameters", async () => {
      const attrs = (c: string) => get(sb, `/products/classification/attributes?c=${q(c)}`)
      expect((await attrs("Master - Teapots")).status).toBe(404)
      const parent = await attrs("Master - Phones and gadgets")
      expect(parent.status).toBe(404)
      expect(parent.json.errors[0].title).toBe("Category not found")
      expect((await get(sb, `/products/classification/attribute/values?c=${q("Master - Smartphones")}&a=${q("Smartphones*Nope")}`)).status).toBe(404)
      expect((await get(sb, "/products/classification/attributes")).json.errors[0].title).toBe("Parameter c is required")
      expect((await get(sb, `/products/classification/attributes?c=${q("Master - Pens")}&c=${q("Master - DVRs")}`)).status).toBe(400)
      expect((await get(sb, "/products/classification/categories?page=1")).json.errors[0].title).toBe("Unsupported query parameter")
    })

    it("serves the import JSON Schema (payload 13, draft-04)", async () => {
      const r = await get(sb, "/products/import/schema")
      expect(r.status).toBe(200)
      expect(r.json).toMatchObject({ $schema: "http://json-schema.org/draft-04/schema#", type: "array", minItems: 1, maxItems: 10000 })
      expect(r.json.items.required).toEqual(["sku", "title", "brand", "category", "attributes", "images"])
      expect(r.json.items.properties.attributes.items.properties.value.oneOf[0]).toMatchObject({ type: "array", maxItems: 32 })
    })
  })

  describe("imports", () => {
    it("takes payload 12's example as text/plain: UPLOADED, then FINISHED when the clock passes the delay", async () => {
      const up = await upload(sb, [notebook("Testsku")])
      expect(up.status).toBe(200)
      expect(up.json).toEqual({ code: expect.any(String), status: "UPLOADED" })
      const status = () => get(sb, `/products/import?i=${q(up.json.code)}`)
      expect((await status()).json).toEqual({ code: up.json.code, status: "UPLOADED" })
      expect((await get(sb, `/products/import/result?i=${q(up.json.code)}`)).status).toBe(400)
      sb.advanceClock(MINUTE)
      expect((await status()).json).toEqual({ code: up.json.code, status: "FINISHED" })
      const result = await get(sb, `/products/import/result?i=${q(up.json.code)}`)
      expect(result.json).toEqual({ errors: 0, warnings: 0, skipped: 0, total: 1, result: { Testsku: { state: "FINISHED" } } })
    })

    it("checks every SKU against its category: errors, warnings, skipped", async () => {
      await upload(sb, [notebook("SAME")])
      sb.advanceClock(MINUTE)
      const file = [
        notebook("OK-MULTI", { attributes: [...notebook("x").attributes.filter((a) => !a.code.endsWith("*format")), { code: `${NB}*format`, value: ["А4", "А5"] }] }),
        withAttributes("WARN-OPTIONAL", (a) => [...a, { code: `${NB}*cover`, value: "кожаная" }]),
        withAttributes("NO-MANDATORY", (a) => a.filter((x) => !x.code.endsWith("*fields"))),
        withAttributes("WRONG-TYPE", (a) => a.map((x) => (x.code.endsWith("*number of sheets") ? { ...x, value: "48" } : x))),
        withAttributes("NOT-A-VALUE", (a) => a.map((x) => (x.code.endsWith("*type") ? { ...x, value: "альбом" } : x))),
        withAttributes("LIST-FOR-ONE", (a) => a.map((x) => (x.code.endsWith("*type") ? { ...x, value: ["тетрадь", "тетрадь-блокнот"] } : x))),
        withAttributes("UNKNOWN-ATTR", (a) => [...a, { code: "Exercise notebooks*color", value: "синий" }]),
        notebook("PARENT", { category: "Master - Office and school supplies" }),
        notebook("NO-CATEGORY", { category: "Master - Teapots" }),
        notebook("TWICE"),
        notebook("TWICE", { title: "again" }),
        notebook("SAME"),
      ]
      const up = await upload(sb, file, "application/json; charset=utf-8")
      sb.advanceClock(MINUTE)
      const r = (await get(sb, `/products/import/result?i=${q(up.json.code)}`)).json
      expect(r).toMatchObject({ errors: 8, warnings: 1, skipped: 1, total: file.length })
      const { result } = r
      expect(result["OK-MULTI"]).toEqual({ state: "FINISHED" })
      expect(result["SAME"]).toEqual({ state: "SKIPPED" })
      expect(result["WARN-OPTIONAL"]).toEqual({ state: "WARNING", warnings: [expect.stringContaining("not one of the attribute's values")] })
      const error = (sku: string) => {
        expect(result[sku].state).toBe("ERROR")
        return result[sku].errors.join(" ")
      }
      expect(error("NO-MANDATORY")).toMatch(/Mandatory attribute .*fields" is missing/)
      expect(error("WRONG-TYPE")).toMatch(/must be a number, not string/)
      expect(error("NOT-A-VALUE")).toMatch(/"альбом" is not one of the attribute's values/)
      expect(error("LIST-FOR-ONE")).toMatch(/takes one value, not a list/)
      expect(error("UNKNOWN-ATTR")).toMatch(/does not belong to category/)
      expect(error("PARENT")).toMatch(/not a leaf category/)
      expect(error("NO-CATEGORY")).toMatch(/does not exist/)
      expect(error("TWICE")).toMatch(/given 2 times/)
    })

    it("aborts a file that fails the JSON Schema, with a description; it has no result", async () => {
      const tooMany = Array.from({ length: 33 }, (_, i) => `v${i}`)
      const up = await upload(sb, [notebook("", { attributes: [{ code: `${NB}*format`, value: tooMany }] })])
      expect(up.json.status).toBe("UPLOADED")
      sb.advanceClock(MINUTE)
      const status = (await get(sb, `/products/import?i=${q(up.json.code)}`)).json
      expect(status).toMatchObject({ code: up.json.code, status: "ABORTED" })
      expect(status.description).toMatch(/does not match the import schema: \/0\/sku: must NOT have fewer than 1 characters/)
      expect(status.description).toMatch(/\/0\/attributes\/0\/value/)
      const result = await get(sb, `/products/import/result?i=${q(up.json.code)}`)
      expect(result.status).toBe(400)
      expect(result.json.errors[0].detail).toMatch(/is ABORTED/)
      // not an array at all
      const obj = await upload(sb, { sku: "x" })
      sb.advanceClock(MINUTE)
      expect((await get(sb, `/products/import?i=${q(obj.json.code)}`)).json.status).toBe("ABORTED")
    })

    it("takes text/plain and application/json only; invalid JSON, no body and huge bodies are refused", async () => {
      expect((await upload(sb, [notebook("A")], "text/plain; charset=UTF-8")).status).toBe(200)
      expect((await upload(sb, [notebook("A")], "application/json")).status).toBe(200)
      const vnd = await upload(sb, [notebook("A")], "application/vnd.api+json")
      expect(vnd.status).toBe(415)
      expect(vnd.json.errors[0].title).toBe("Unsupported Media Type")
      const broken = await upload(sb, '[{"sku": "A",')
      expect(broken.status).toBe(400)
      expect(broken.json.errors[0].title).toBe("Request body is not valid JSON")
      expect((await upload(sb, "")).status).toBe(400)
      expect(sb.contentImports()).toHaveLength(2)

      sb.setContentSettings({ maxBodyBytes: 64 * 1024 })
      const started = Date.now()
      const huge = await upload(sb, `[${JSON.stringify(notebook("H", { description: "x".repeat(1000) }))}${",{}".repeat(4 * 1024 * 1024)}]`)
      expect(huge.status).toBe(413)
      expect(huge.headers.get("connection")).toBe("close")
      expect(Date.now() - started).toBeLessThan(5000)
      expect(sb.contentImports()).toHaveLength(2)
    })

    it("keeps each shop's imports to itself and needs the token, Accept and a real User-Agent like the orders", async () => {
      const up = await upload(sb, [notebook("A")])
      expect((await get(sb, `/products/import?i=${q(up.json.code)}`, { token: "shop-b" })).status).toBe(404)
      expect((await get(sb, "/products/classification/categories", { token: null })).status).toBe(401)
      const categories = `${sb.baseUrl}/products/classification/categories`
      const noAccept = await rawRequest(categories, { "User-Agent": UA, "X-Auth-Token": TOKEN })
      expect(noAccept.status).toBe(404)
      expect(noAccept.contentType).toMatch(/text\/html/)
      const defaultAgent = await rawRequest(categories, { Accept: JSON_ACCEPT, "X-Auth-Token": TOKEN, "User-Agent": "node" })
      expect(defaultAgent.status).toBeUndefined()
      expect(sb.contentImports().map((i) => i.merchantId)).toEqual([sb.merchantIds[0]])
    })

    it("records imports and counts requests like the other routes", async () => {
      const up = await upload(sb, [notebook("A")])
      await get(sb, `/products/import?i=${q(up.json.code)}`)
      const [rec] = sb.contentImports()
      expect(rec).toMatchObject({ code: up.json.code, contentType: "text/plain", phase: "uploaded", status: "UPLOADED", body: [notebook("A")] })
      expect(rec.dueAt - rec.receivedAt).toBe(MINUTE)
      const counts = (await control(sb, "GET", "/requests")).json.countsByRoute
      expect(counts).toMatchObject({ "POST /products/import": 1, "GET /products/import": 1 })
      expect(sb.actions()).toEqual([expect.objectContaining({ action: "PRODUCT_IMPORT", result: "ok", httpStatus: 200 })])
      const listed = (await control(sb, "GET", "/content/imports")).json.imports
      expect(listed.map((i: { code: string }) => i.code)).toEqual([up.json.code])
    })
  })

  describe("settings", () => {
    it("status names: an option at start, a control later; every import is shown with the current names", async () => {
      const other = await start({ content: { statusNames: { uploaded: "PROCESSING", finished: "COMPLETED", aborted: "ERROR" }, processingDelayMs: 0 } })
      try {
        const ok = await upload(other, [notebook("A")])
        const bad = await upload(other, [])
        expect(ok.json.status).toBe("PROCESSING")
        expect((await get(other, `/products/import?i=${q(ok.json.code)}`)).json.status).toBe("COMPLETED")
        expect((await get(other, `/products/import?i=${q(bad.json.code)}`)).json.status).toBe("ERROR")
        other.setContentStatusNames({ finished: "DONE" })
        expect((await get(other, `/products/import?i=${q(ok.json.code)}`)).json.status).toBe("DONE")
        expect(other.getContentSettings().statusNames).toEqual({ uploaded: "PROCESSING", finished: "DONE", aborted: "ERROR" })
      } finally {
        await other.close()
      }
    })

    it("per-SKU state names are settings too; names must differ", async () => {
      sb.setContentSettings({ skuStates: { success: "SUCCESS" }, processingDelayMs: 0 })
      const up = await upload(sb, [notebook("A")])
      expect((await get(sb, `/products/import/result?i=${q(up.json.code)}`)).json.result.A).toEqual({ state: "SUCCESS" })
      expect(() => sb.setContentStatusNames({ finished: "UPLOADED" })).toThrow(/must all be different/)
      expect(() => sb.setContentSettings({ skuStates: { fine: "OK" } as never })).toThrow(/unknown key fine/)
      expect(() => sb.setContentProcessingDelay(-1)).toThrow(/non-negative/)
    })

    it("the processing delay is fixed per import and also passes in real time", async () => {
      sb.setContentProcessingDelay(150)
      const up = await upload(sb, [notebook("A")])
      sb.setContentProcessingDelay(0)
      expect((await get(sb, `/products/import?i=${q(up.json.code)}`)).json.status).toBe("UPLOADED")
      await sleep(200)
      expect((await get(sb, `/products/import?i=${q(up.json.code)}`)).json.status).toBe("FINISHED")
    })

    it("the control API reads and sets them; reset restores the start settings and forgets the imports", async () => {
      expect((await control(sb, "GET", "/content")).json).toMatchObject({ statusNames: { uploaded: "UPLOADED" }, processingDelayMs: MINUTE })
      const set = await control(sb, "POST", "/content", { statusNames: { aborted: "FAILED" }, processingDelayMs: 5 })
      expect(set.json).toMatchObject({ statusNames: { uploaded: "UPLOADED", finished: "FINISHED", aborted: "FAILED" }, processingDelayMs: 5 })
      expect((await control(sb, "POST", "/content", { processingDelayMs: "soon" })).status).toBe(400)
      expect((await control(sb, "GET", "/health")).json.content.statusNames.aborted).toBe("FAILED")
      await upload(sb, [notebook("A")])
      sb.reset()
      expect(sb.getContentSettings().statusNames.aborted).toBe("ABORTED")
      expect(sb.contentImports()).toEqual([])
    })
  })

  it("hangs content requests through the faults' routes (longer than any client timeout), the orders untouched", async () => {
    sb.setFaults({ rate: 1, kinds: ["timeout"], routes: CONTENT_API_ROUTES })
    const started = Date.now()
    await expect(get(sb, "/products/classification/categories", { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    await expect(upload(sb, [notebook("A")], "text/plain", { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(sb.contentImports()).toEqual([])
    expect((await kaspi(sb, "/v2/cities")).status).toBe(200)
    expect(sb.requests().map((r) => [r.route, r.fault ?? null, r.status])).toEqual([
      ["GET /products/classification/categories", "timeout", 0],
      ["POST /products/import", "timeout", 0],
      ["GET /v2/cities", null, 200],
    ])
  })
})
