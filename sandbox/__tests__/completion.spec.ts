// COMPLETED in two steps (X-Send-Code / X-Security-Code) and the documented errors.

import type { KaspiSandbox } from "../index"
import { control, kaspi, postStatus, start } from "./helpers"

const SEND = { "X-Security-Code": "", "X-Send-Code": "true" }
const withCode = (code: string) => ({ "X-Security-Code": code, "X-Send-Code": "true" })

describe("COMPLETED (two-step)", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start()
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  const acceptedPickup = () => sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", status: "ACCEPTED_BY_MERCHANT", customer: { cellPhone: "7011234567" } })

  it("step 1 sends a 4-digit code; wrong code fails; right code completes", async () => {
    const o = acceptedPickup()
    const step1 = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(step1.status).toBe(200)
    expect(step1.json.data.attributes).toEqual({ code: o.code, status: "ACCEPTED_BY_MERCHANT" })
    const code = sb.getOrder(o.code)?.securityCode
    expect(code).toMatch(/^\d{4}$/)
    // the control API shows it too
    expect((await control(sb, "GET", `/orders/${o.code}`)).json.securityCode).toBe(code)

    const wrong = await postStatus(sb, o.id, o.code, "COMPLETED", {}, withCode(code === "1111" ? "2222" : "1111"))
    expect(wrong.status).toBe(400)
    expect(wrong.json).toEqual({ errors: [{ title: "Security code is not valid. And the order cannot be completed without it" }] })
    expect(sb.getOrder(o.code)?.status).toBe("ACCEPTED_BY_MERCHANT")

    const right = await postStatus(sb, o.id, o.code, "COMPLETED", {}, withCode(code as string))
    expect(right.status).toBe(200)
    expect(right.json.data.attributes).toEqual({ code: o.code, status: "COMPLETED" })
    const a = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
    expect(a).toMatchObject({ status: "COMPLETED", state: "ARCHIVE" })
    expect(a.customer.cellPhone).toBe("+0(000)-000-00-00")

    const again = await postStatus(sb, o.id, o.code, "COMPLETED", {}, withCode(code as string))
    expect(again.json.errors[0].title).toBe("Order already has been completed, so it can't be completed again.")

    expect(sb.actions().map((x) => [x.action, x.result])).toEqual([
      ["COMPLETED_SEND_CODE", "ok"],
      ["COMPLETED", "rejected"],
      ["COMPLETED", "ok"],
      ["COMPLETED", "rejected"],
    ])
  })

  it("accepts step 2 with X-Send-Code: false", async () => {
    const o = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: false, status: "ACCEPTED_BY_MERCHANT" })
    await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    const code = sb.getOrder(o.code)?.securityCode as string
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, { "X-Security-Code": code, "X-Send-Code": "false" })
    expect(r.status).toBe(200)
  })

  it("a code is needed before step 2 (no code sent yet)", async () => {
    const o = acceptedPickup()
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, withCode("1234"))
    expect(r.json.errors[0].title).toBe("Security code is not valid. And the order cannot be completed without it")
    const none = await postStatus(sb, o.id, o.code, "COMPLETED")
    expect(none.json.errors[0].title).toBe("Security code is not valid. And the order cannot be completed without it")
  })

  it("re-sending replaces the code", async () => {
    const o = acceptedPickup()
    const codes = new Set<string>()
    for (let i = 0; i < 4; i++) {
      await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
      codes.add(sb.getOrder(o.code)?.securityCode as string)
    }
    expect(codes.size).toBeGreaterThan(1)
    const latest = sb.getOrder(o.code)?.securityCode as string
    expect((await postStatus(sb, o.id, o.code, "COMPLETED", {}, withCode(latest))).status).toBe(200)
  })

  it("cancelled order: documented error", async () => {
    const o = sb.addOrder({ status: "CANCELLED" })
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(400)
    expect(r.json.errors[0].title).toBe("Order is cancelled, so it can't be completed.")
  })

  it("signature pending: documented error until the buyer signs", async () => {
    const o = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", paymentMode: "PAY_WITH_CREDIT", signatureRequired: true })
    await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.json.errors[0].title).toBe("Order is not may complete allowed")
    sb.trigger(o.code, "buyer_signs")
    expect((await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)).status).toBe(200)
  })

  it("refused for Kaspi Delivery orders (Kaspi completes them)", async () => {
    const o = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: true, status: "ACCEPTED_BY_MERCHANT" })
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(400)
    expect(r.json.errors[0].title).toMatch(/Kaspi Delivery/)
    expect(sb.getOrder(o.code)?.securityCode).toBeNull()
  })

  it("refused before acceptance", async () => {
    const o = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP" })
    expect((await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)).json.errors[0].title).toMatch(/not accepted/)
  })
})
