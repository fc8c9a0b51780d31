import { CONTENT_API_ROUTES, guideImportProduct, startKaspiSandbox } from "../../../../../sandbox"
import type { KaspiSandbox } from "../../../../../sandbox/types"
import type { KaspiClient, KaspiClientOptions } from "../kaspi-client"
import { KASPI_CONTENT_TIMEOUT_MS } from "../kaspi-content-client"
import { failure } from "./failure"
import { sandboxClient } from "./test-client"

// The product content API (API.md a.14) over real HTTP against the project's Kaspi sandbox: no mocks.
const TOKEN = "content-client-token"
const NB = "Exercise notebooks*Obsie harakteristiki.exercise notebooks"
const MINUTE = 60_000

let sandbox: KaspiSandbox
const clients: KaspiClient[] = []

function client(over: Partial<KaspiClientOptions> = {}): KaspiClient {
  const c = sandboxClient(sandbox, TOKEN, over)
  clients.push(c)
  return c
}

/** Payload 12's import example, with extra attributes. */
function notebook(sku: string, extra: Array<{ code: string; value: unknown }> = []) {
  const product = guideImportProduct(sku)
  return { ...product, attributes: [...product.attributes, ...extra] }
}

beforeAll(async () => {
  sandbox = await startKaspiSandbox({ tokens: [TOKEN], seed: 11 })
})

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await sandbox?.close()
})

beforeEach(() => {
  sandbox.reset()
})

describe("classification", () => {
  it("reads categories, a category's attributes and an enum's values, codes percent-encoded", async () => {
    const kaspi = client()
    const categories = await kaspi.content.listCategories()
    expect(categories).toContainEqual({ code: "Master - Smartphones", title: "Смартфоны" })

    const attributes = await kaspi.content.listCategoryAttributes("Master - Smartphones")
    expect(attributes).toContainEqual({ code: "Smartphones*Color", type: "enum", multiValued: false, mandatory: true })
    expect(attributes).toContainEqual({ code: "Smartphones*Communication standards", type: "enum", multiValued: true, mandatory: false })
    expect(new Set(attributes.map((a) => a.type))).toEqual(new Set(["boolean", "enum", "string", "number"]))

    const values = await kaspi.content.listAttributeValues("Master - Smartphones", "Smartphones*Color")
    expect(values).toContainEqual({ code: "черный", name: "черный" })

    const queries = sandbox.requests().map((r) => r.query)
    expect(queries).toContain("?c=Master%20-%20Smartphones")
    expect(queries).toContain("?c=Master%20-%20Smartphones&a=Smartphones%2AColor")
  })

  it("reads the import schema as a JSON object", async () => {
    const schema = await client().content.getImportSchema()
    expect(schema).toMatchObject({ $schema: "http://json-schema.org/draft-04/schema#", type: "array", maxItems: 10000 })
  })

  it("an unknown category is Kaspi's not_found; a mangled answer is invalid_response after the read's retries", async () => {
    const kaspi = client()
    expect((await failure(kaspi.content.listCategoryAttributes("Master - Teapots"))).kind).toBe("not_found")
    sandbox.setFaults({ rate: 1, kinds: ["malformed"], routes: CONTENT_API_ROUTES })
    expect((await failure(kaspi.content.listCategories())).kind).toBe("invalid_response")
    expect(sandbox.requests().filter((r) => r.fault === "malformed")).toHaveLength(3)
  })
})

describe("timeouts", () => {
  it("60 s by default: KaspiClient passes timeouts.productsMs (60 s in the plugin options)", () => {
    expect(KASPI_CONTENT_TIMEOUT_MS).toBe(60_000)
    expect(client({ timeouts: { ordersMs: 30_000, productsMs: 60_000, waybillMs: 60_000 } }).content.timeoutMs).toBe(60_000)
  })

  it("a request the sandbox holds longer than the configured timeout fails as a timeout: reads retried, the import not", async () => {
    const kaspi = client({ timeouts: { ordersMs: 2_000, productsMs: 250, waybillMs: 2_000 } })
    sandbox.setFaults({ rate: 1, kinds: ["timeout"], routes: CONTENT_API_ROUTES })

    const read = await failure(kaspi.content.listCategories())
    expect(read).toMatchObject({ kind: "timeout", method: "GET", path: "/products/classification/categories" })
    expect(read.message).toContain("no answer within 250 ms")
    expect(sandbox.requests()).toHaveLength(3)

    const write = await failure(kaspi.content.importProducts([notebook("A")]))
    expect(write.kind).toBe("timeout")
    expect(sandbox.requests().filter((r) => r.route === "POST /products/import")).toHaveLength(1)
    expect(sandbox.contentImports()).toEqual([])
  })
})

describe("imports", () => {
  it("round trip: text/plain by default, uploaded, then finished with per-SKU outcomes and messages", async () => {
    const kaspi = client()
    const started = await kaspi.content.importProducts([
      notebook("OK"),
      notebook("WARN", [{ code: `${NB}*cover`, value: "кожаная" }]),
      { ...notebook("BAD"), category: "Master - Office and school supplies" },
    ])
    expect(started).toMatchObject({ code: expect.any(String), status: "uploaded", statusName: "UPLOADED", description: null })
    expect(sandbox.contentImports()[0].contentType).toBe("text/plain; charset=utf-8")
    expect(await kaspi.content.getImportStatus(started.code)).toMatchObject({ code: started.code, status: "uploaded" })
    expect((await failure(kaspi.content.getImportResult(started.code))).kind).toBe("bad_request")

    sandbox.advanceClock(MINUTE)
    expect(await kaspi.content.getImportStatus(started.code)).toMatchObject({ status: "finished", statusName: "FINISHED" })
    const result = await kaspi.content.getImportResult(started.code)
    expect(result).toMatchObject({ errors: 1, warnings: 1, skipped: 0, total: 3 })
    const bySku = Object.fromEntries(result.skus.map((s) => [s.sku, s]))
    expect(bySku.OK).toMatchObject({ outcome: "imported", state: "FINISHED", messages: [] })
    expect(bySku.WARN).toMatchObject({ outcome: "warning", state: "WARNING", messages: [expect.stringContaining("кожаная")] })
    expect(bySku.BAD).toMatchObject({ outcome: "error", state: "ERROR", messages: [expect.stringContaining("not a leaf category")] })

    // The same card again: nothing to change.
    const again = await kaspi.content.importProducts([notebook("OK")])
    sandbox.advanceClock(MINUTE)
    expect((await kaspi.content.getImportResult(again.code)).skus).toEqual([expect.objectContaining({ sku: "OK", outcome: "skipped" })])
  })

  it("sends application/json when configured so", async () => {
    const kaspi = client({ content: { importContentType: "application/json" } })
    await kaspi.content.importProducts([notebook("A")])
    expect(sandbox.contentImports()[0].contentType).toBe("application/json")
  })

  it("aborted: a file that fails Kaspi's schema, with the description", async () => {
    const kaspi = client()
    const started = await kaspi.content.importProducts([{ ...notebook("A"), images: [] }])
    sandbox.advanceClock(MINUTE)
    const state = await kaspi.content.getImportStatus(started.code)
    expect(state).toMatchObject({ status: "aborted", statusName: "ABORTED" })
    expect(state.description).toMatch(/\/0\/images: must NOT have fewer than 1 items/)
  })

  it("refuses what Kaspi would: no products, more than 10,000", async () => {
    const kaspi = client()
    await expect(kaspi.content.importProducts([])).rejects.toThrow(RangeError)
    await expect(kaspi.content.importProducts(Array.from({ length: 10_001 }, (_, i) => notebook(`S${i}`)))).rejects.toThrow(RangeError)
    expect(sandbox.requests()).toEqual([])
  })
})

describe("status names", () => {
  it("the defaults read both reported sets (UPLOADED/FINISHED/ABORTED and PROCESSING/COMPLETED/ERROR)", async () => {
    sandbox.setContentSettings({ statusNames: { uploaded: "PROCESSING", finished: "COMPLETED", aborted: "ERROR" }, skuStates: { success: "SUCCESS" } })
    const kaspi = client()
    const ok = await kaspi.content.importProducts([notebook("A")])
    const bad = await kaspi.content.importProducts([{ sku: "B" }])
    expect(ok).toMatchObject({ status: "uploaded", statusName: "PROCESSING" })
    sandbox.advanceClock(MINUTE)
    expect(await kaspi.content.getImportStatus(ok.code)).toMatchObject({ status: "finished", statusName: "COMPLETED" })
    expect(await kaspi.content.getImportStatus(bad.code)).toMatchObject({ status: "aborted", statusName: "ERROR", description: expect.any(String) })
    expect((await kaspi.content.getImportResult(ok.code)).skus[0]).toMatchObject({ outcome: "imported", state: "SUCCESS" })
  })

  it("names configured differently on both sides: unknown until the client is told, then read", async () => {
    sandbox.setContentSettings({
      statusNames: { uploaded: "QUEUED", finished: "DONE", aborted: "FAILED" },
      skuStates: { success: "CREATED", error: "REJECTED" },
      processingDelayMs: 0,
    })
    const plain = client()
    const told = client({
      content: { importStatusNames: { uploaded: "QUEUED", finished: ["DONE", "FINISHED"], aborted: "FAILED" }, skuStateNames: { imported: "CREATED", error: ["REJECTED"] } },
    })
    const started = await told.content.importProducts([notebook("A"), { ...notebook("B"), category: "Master - Teapots" }])
    expect(started).toMatchObject({ status: "uploaded", statusName: "QUEUED" })
    expect(await plain.content.getImportStatus(started.code)).toMatchObject({ status: "unknown", statusName: "DONE" })
    expect(await told.content.getImportStatus(started.code)).toMatchObject({ status: "finished", statusName: "DONE" })
    const outcomes = (c: KaspiClient) => c.content.getImportResult(started.code).then((r) => r.skus.map((s) => [s.sku, s.outcome]))
    expect(await plain.content.getImportResult(started.code)).toMatchObject({ errors: 1, total: 2 })
    expect(await outcomes(plain)).toEqual([["A", "unknown"], ["B", "unknown"]])
    expect(await outcomes(told)).toEqual([["A", "imported"], ["B", "error"]])
  })

  it("refuses a configuration that reads one name two ways", () => {
    expect(() => client({ content: { importStatusNames: { finished: "ERROR" } } })).toThrow(/"ERROR" is both/)
    expect(() => client({ content: { importStatusNames: { done: "DONE" } as never } })).toThrow(/unknown key "done"/)
  })
})
