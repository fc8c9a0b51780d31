// COMPLETED step 1 answers (API.md a.11, §f.10): POST /__sandbox/send-code-answer and sb.setSendCodeAnswer.
// In every mode the buyer gets a code; codesSent on the order counts them.

import type { KaspiSandbox, SendCodeMode } from "../index"
import { control, kaspi, postStatus, start } from "./helpers"

const SEND = { "X-Security-Code": "", "X-Send-Code": "true" }
const withCode = (code: string) => ({ "X-Security-Code": code, "X-Send-Code": "true" })

describe("send-code answers", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start()
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  const accepted = () => sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", status: "ACCEPTED_BY_MERCHANT" })
  const codesSent = async (code: string) => (await control(sb, "GET", `/orders/${code}`)).json.codesSent as number

  /** step 2 with the code the buyer got completes the order: the code really went out */
  async function completesWithSentCode(o: { id: string; code: string }) {
    const securityCode = sb.getOrder(o.code)?.securityCode
    expect(securityCode).toMatch(/^\d{4}$/)
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, withCode(securityCode as string))
    expect(r.status).toBe(200)
    expect(sb.getOrder(o.code)?.status).toBe("COMPLETED")
  }

  it("normal: 200 with the guide's echo; codesSent counts every code", async () => {
    const o = accepted()
    expect(await codesSent(o.code)).toBe(0)
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(200)
    expect(r.json.data.attributes).toEqual({ code: o.code, status: "ACCEPTED_BY_MERCHANT" })
    expect(await codesSent(o.code)).toBe(1)
    await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(await codesSent(o.code)).toBe(2)
    expect(sb.actions().map((a) => [a.action, a.result, a.codeSent])).toEqual([
      ["COMPLETED_SEND_CODE", "ok", true],
      ["COMPLETED_SEND_CODE", "ok", true],
    ])
    await completesWithSentCode(o)
  })

  it("empty200: 200 with an empty body, code sent", async () => {
    const o = accepted()
    expect((await control(sb, "POST", "/send-code-answer", { mode: "empty200" })).json).toEqual({ mode: "empty200", remaining: 1 })
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(200)
    expect(r.text).toBe("")
    expect(await codesSent(o.code)).toBe(1)
    await completesWithSentCode(o)
  })

  it('json200: 200 with a body that is not the echo ({"data":null} or a given one), code sent', async () => {
    const o = accepted()
    await control(sb, "POST", "/send-code-answer", { mode: "json200" })
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ data: null })
    await control(sb, "POST", "/send-code-answer", { mode: "json200", body: { result: "OK" } })
    expect((await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)).json).toEqual({ result: "OK" })
    expect(await codesSent(o.code)).toBe(2)
    await completesWithSentCode(o)
  })

  it("4xx: 400 with errors[].title, and the code IS sent to the buyer", async () => {
    const o = accepted()
    await control(sb, "POST", "/send-code-answer", { mode: "4xx" })
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(400)
    expect(r.headers.get("content-type")).toBe("application/vnd.api+json")
    expect(r.json).toEqual({ errors: [{ title: "Security code already sent" }] })
    expect(await codesSent(o.code)).toBe(1)
    expect(sb.actions()[0]).toMatchObject({ action: "COMPLETED_SEND_CODE", result: "rejected", httpStatus: 400, error: "Security code already sent", codeSent: true, sendCodeAnswer: "4xx" })
    await completesWithSentCode(o)
  })

  it("5xx: 500, and the code IS sent", async () => {
    const o = accepted()
    sb.setSendCodeAnswer({ mode: "5xx" })
    const r = await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(500)
    expect(r.json.errors[0].title).toBe("Internal Server Error")
    expect(await codesSent(o.code)).toBe(1)
    await completesWithSentCode(o)
  })

  it("timeout: the code is sent and no answer comes until the client gives up", async () => {
    const o = accepted()
    sb.setSendCodeAnswer({ mode: "timeout" })
    const started = Date.now()
    const body = { data: { type: "orders", id: o.id, attributes: { code: o.code, status: "COMPLETED" } } }
    await expect(kaspi(sb, "/v2/orders", { body, headers: SEND, signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(await codesSent(o.code)).toBe(1)
    expect(sb.actions()[0]).toMatchObject({ action: "COMPLETED_SEND_CODE", result: "rejected", httpStatus: 0, codeSent: true, sendCodeAnswer: "timeout" })
    await completesWithSentCode(o)
  })

  it("times: how many step-1 requests get the answer; then normal again", async () => {
    const o = accepted()
    expect(sb.setSendCodeAnswer({ mode: "4xx", times: 2 })).toEqual({ mode: "4xx", remaining: 2 })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)).status)
    expect(statuses).toEqual([400, 400, 200])
    expect(await codesSent(o.code)).toBe(3)
    expect(sb.getSendCodeAnswer()).toEqual({ mode: "normal", remaining: 0 })
    expect(sb.actions().map((a) => a.sendCodeAnswer)).toEqual(["4xx", "4xx", undefined])
  })

  it('{mode:"normal"} resets; reset() too; /health shows the answer', async () => {
    const o = accepted()
    await control(sb, "POST", "/send-code-answer", { mode: "5xx", times: 5 })
    expect((await control(sb, "GET", "/health")).json.sendCodeAnswer).toEqual({ mode: "5xx", remaining: 5 })
    expect((await control(sb, "POST", "/send-code-answer", { mode: "normal" })).json).toEqual({ mode: "normal", remaining: 0 })
    expect((await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)).status).toBe(200)
    sb.setSendCodeAnswer({ mode: "empty200", times: 3 })
    sb.reset()
    expect((await control(sb, "GET", "/send-code-answer")).json).toEqual({ mode: "normal", remaining: 0 })
  })

  it("an invalid step 1 gets the documented refusal, no code, and does not use up the mode", async () => {
    const cancelled = sb.addOrder({ status: "CANCELLED" })
    sb.setSendCodeAnswer({ mode: "json200" })
    const r = await postStatus(sb, cancelled.id, cancelled.code, "COMPLETED", {}, SEND)
    expect(r.status).toBe(400)
    expect(r.json.errors[0].title).toBe("Order is cancelled, so it can't be completed.")
    expect(await codesSent(cancelled.code)).toBe(0)
    expect(sb.getSendCodeAnswer()).toEqual({ mode: "json200", remaining: 1 })
    const o = accepted()
    expect((await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)).json).toEqual({ data: null })
  })

  it("a faulted step 1 (fault injection) sends no code", async () => {
    const o = accepted()
    sb.setFaults({ rate: 1, kinds: ["5xx"] })
    await postStatus(sb, o.id, o.code, "COMPLETED", {}, SEND)
    sb.setFaults({ rate: 0, kinds: [] })
    expect(await codesSent(o.code)).toBe(0)
  })

  it("validates the control body", async () => {
    for (const body of [{ mode: "boom" }, { mode: "4xx", times: 0 }, { mode: "4xx", times: 1.5 }, { mode: "5xx", body: {} }, { mode: "empty200", extra: 1 }, {}]) {
      const r = await control(sb, "POST", "/send-code-answer", body)
      expect({ body, status: r.status }).toEqual({ body, status: 400 })
    }
    expect(() => sb.setSendCodeAnswer({ mode: "nope" as SendCodeMode })).toThrow(/mode/)
    expect(sb.getSendCodeAnswer()).toEqual({ mode: "normal", remaining: 0 })
  })

  it("4xx title can be set", async () => {
    const o = accepted()
    sb.setSendCodeAnswer({ mode: "4xx", title: "Код уже отправлен" })
    expect((await kaspi(sb, "/v2/orders", { body: { data: { type: "orders", id: o.id, attributes: { code: o.code, status: "COMPLETED" } } }, headers: SEND })).json.errors[0].title).toBe("Код уже отправлен")
  })
})
