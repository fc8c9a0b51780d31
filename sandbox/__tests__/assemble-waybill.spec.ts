// ASSEMBLE → waybill URL appears after the delay → the PDF downloads.

import type { KaspiSandbox, SandboxOrder } from "../index"
import { TITLES } from "../state-machine"
import { kaspi, postStatus, sleep, start, TOKEN, UA } from "./helpers"

const DELAY = 300

describe("ASSEMBLE and the waybill", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ waybillDelayMs: DELAY, tokens: [TOKEN, "other-shop"] })
  })
  afterAll(() => sb.close())

  const kaspiAccepted = (): SandboxOrder => sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, status: "ACCEPTED_BY_MERCHANT" })

  it("assembles, publishes the waybill after the delay, serves a PDF", async () => {
    const o = kaspiAccepted()
    const r = await postStatus(sb, o.id, o.code, "ASSEMBLE", { numberOfSpace: "2" })
    expect(r.status).toBe(200)
    expect(r.json.data.attributes).toMatchObject({ code: o.code, status: "ASSEMBLE", numberOfSpace: 2, assembled: true })
    expect(r.json.data.attributes.kaspiDelivery.waybill).toBeNull()

    const before = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
    expect(before).toMatchObject({ status: "ACCEPTED_BY_MERCHANT", state: "KASPI_DELIVERY", assembled: true, numberOfSpace: 2 })
    expect(before.kaspiDelivery.waybill).toBeNull()
    expect(before.kaspiDelivery.waybillNumber).toBeNull()

    await sleep(DELAY + 50)
    const after = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
    expect(after.kaspiDelivery.waybill).toMatch(new RegExp(`^${sb.baseUrl.replace(/[.]/g, "\\.")}/waybill/[0-9a-f]{32}$`))
    expect(after.kaspiDelivery.waybillNumber).toMatch(/^\d{9}$/)
    expect(after.status).toBe("ACCEPTED_BY_MERCHANT")

    const res = await fetch(after.kaspiDelivery.waybill, { headers: { "X-Auth-Token": TOKEN, Accept: "application/pdf", "User-Agent": UA } })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("application/pdf")
    const pdf = Buffer.from(await res.arrayBuffer()).toString("latin1")
    expect(pdf.startsWith("%PDF-1.4")).toBe(true)
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true)
    expect(pdf).toContain(o.code)
    expect(pdf).toContain(after.kaspiDelivery.waybillNumber)
    // the startxref offset points at the xref table
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1])
    expect(pdf.slice(startxref, startxref + 4)).toBe("xref")
    // every xref entry points at its object, and /Length matches the stream
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    expect(offsets).toHaveLength(5)
    offsets.forEach((off, i) => expect(pdf.slice(off, off + 8)).toBe(`${i + 1} 0 obj\n`))
    const length = Number(/\/Length (\d+)/.exec(pdf)?.[1])
    const streamStart = pdf.indexOf("stream\n") + "stream\n".length
    expect(pdf.slice(streamStart + length, streamStart + length + 9)).toBe("endstream")

    // auth applies to the PDF too, and it belongs to one merchant
    const token = after.kaspiDelivery.waybill.split("/").pop()
    expect((await kaspi(sb, `/waybill/${token}`, { token: null, accept: "application/pdf" })).status).toBe(401)
    expect((await kaspi(sb, `/waybill/${token}`, { token: "other-shop", accept: "application/pdf" })).status).toBe(404)
    expect((await kaspi(sb, `/waybill/deadbeef`, { accept: "application/pdf" })).status).toBe(404)
  })

  it("numberOfSpace as a number works too; re-assembling is refused", async () => {
    const o = kaspiAccepted()
    expect((await postStatus(sb, o.id, o.code, "ASSEMBLE", { numberOfSpace: 1 })).status).toBe(200)
    const again = await postStatus(sb, o.id, o.code, "ASSEMBLE", { numberOfSpace: 1 })
    expect(again.status).toBe(400)
    expect(again.json.errors[0].title).toBe(TITLES.assembleAlready)
  })

  it.each([
    [undefined, TITLES.numberOfSpaceRequired],
    [0, TITLES.numberOfSpaceInvalid],
    ["-1", TITLES.numberOfSpaceInvalid],
    ["два", TITLES.numberOfSpaceInvalid],
    [1.5, TITLES.numberOfSpaceInvalid],
  ])("numberOfSpace %p → %s", async (n, title) => {
    const o = kaspiAccepted()
    const r = await postStatus(sb, o.id, o.code, "ASSEMBLE", n === undefined ? {} : { numberOfSpace: n })
    expect(r.status).toBe(400)
    expect(r.json.errors[0].title).toBe(title)
    expect(sb.getOrder(o.code)?.assembled).toBe(false)
  })

  it("refuses pickup orders and unaccepted orders", async () => {
    const p = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", status: "ACCEPTED_BY_MERCHANT" })
    expect((await postStatus(sb, p.id, p.code, "ASSEMBLE", { numberOfSpace: 1 })).json.errors[0].title).toBe(TITLES.assembleNotKaspi)
    const n = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true })
    expect((await postStatus(sb, n.id, n.code, "ASSEMBLE", { numberOfSpace: 1 })).json.errors[0].title).toBe(TITLES.assembleNotAccepted)
  })
})

describe("waybill and the sandbox clock", () => {
  it("advancing the clock past the delay publishes the waybill", async () => {
    const sb = await start({ waybillDelayMs: 60_000 })
    try {
      const o = sb.addOrder({ deliveryMode: "DELIVERY_REGIONAL_TODOOR", status: "ACCEPTED_BY_MERCHANT" })
      await postStatus(sb, o.id, o.code, "ASSEMBLE", { numberOfSpace: 3 })
      sb.advanceClock(30_000)
      expect(sb.getOrder(o.code)?.kaspiDelivery?.waybillToken).toBeNull()
      sb.advanceClock(30_000)
      const after = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
      expect(after.kaspiDelivery.waybill).toContain(`${sb.baseUrl}/waybill/`)
      expect(sb.getOrder(o.code)?.kaspiDelivery?.waybillNumber).toBe(after.kaspiDelivery.waybillNumber)
    } finally {
      await sb.close()
    }
  })
})
