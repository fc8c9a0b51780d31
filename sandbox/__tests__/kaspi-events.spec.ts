// Kaspi-side events (trigger() and POST /__sandbox/orders/:code/events), seen through the API.

import type { KaspiSandbox } from "../index"
import { control, kaspi, postStatus, start } from "./helpers"

describe("Kaspi-side events", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ waybillDelayMs: 0 })
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  const attrs = async (id: string) => (await kaspi(sb, `/v2/orders/${id}`)).json.data.attributes
  const kaspiAccepted = () => sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, status: "ACCEPTED_BY_MERCHANT" })

  it("buyer_cancel: CANCELLING, then CANCELLED on the next clock step", async () => {
    const o = sb.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP" })
    sb.trigger(o.code, "buyer_cancel")
    expect(await attrs(o.id)).toMatchObject({ status: "CANCELLING", state: "PICKUP", cancellationReason: "BUYER_CANCELLATION_HIMSELF" })
    sb.advanceClock(1000)
    const a = await attrs(o.id)
    expect(a).toMatchObject({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: "BUYER_CANCELLATION_HIMSELF" })
    expect(a.customer.cellPhone).toBe("+0(000)-000-00-00")
  })

  it("buyer_cancel immediately via the control API", async () => {
    const o = sb.addOrder({})
    const r = await control(sb, "POST", `/orders/${o.code}/events`, { event: "buyer_cancel", immediate: true })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ code: o.code, status: "CANCELLED", state: "ARCHIVE" })
  })

  it("kaspi_cancel_timeout picks the reason by delivery kind", async () => {
    const pickup = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", status: "ACCEPTED_BY_MERCHANT" })
    const kd = kaspiAccepted()
    const sign = sb.addOrder({ paymentMode: "PAY_WITH_CREDIT", signatureRequired: true })
    expect(sb.trigger(pickup.code, "kaspi_cancel_timeout").cancellationReason).toBe("TIMEOUT_BUYER_PICKUP")
    expect(sb.trigger(kd.code, "kaspi_cancel_timeout", { immediate: true })).toMatchObject({ cancellationReason: "TIMEOUT_KASPI_DELIVERY", status: "CANCELLED" })
    expect(sb.trigger(sign.code, "kaspi_cancel_timeout").cancellationReason).toBe("TIMEOUT_BUYER_SIGNATURE")
    expect(() => sb.trigger(kd.code, "kaspi_cancel_timeout")).toThrow(/can't be cancelled/)
  })

  it("courier_cancel only for Kaspi Delivery", async () => {
    const kd = kaspiAccepted()
    expect(sb.trigger(kd.code, "courier_cancel")).toMatchObject({ status: "CANCELLING", cancellationReason: "BUYER_CANCELLATION_BY_COURIER" })
    const p = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", status: "ACCEPTED_BY_MERCHANT" })
    const r = await control(sb, "POST", `/orders/${p.code}/events`, { event: "courier_cancel" })
    expect(r.status).toBe(400)
    expect(r.json.error).toMatch(/Kaspi Delivery/)
  })

  it("courier_pickup then kaspi_complete, with the right refusals", async () => {
    const o = kaspiAccepted()
    expect(() => sb.trigger(o.code, "courier_pickup")).toThrow(/not assembled/)
    expect(() => sb.trigger(o.code, "kaspi_complete")).toThrow(/not assembled/)
    await postStatus(sb, o.id, o.code, "ASSEMBLE", { numberOfSpace: 1 })
    expect(() => sb.trigger(o.code, "kaspi_complete")).toThrow(/courier/)
    const picked = sb.trigger(o.code, "courier_pickup")
    expect(Math.abs(sb.now() - (picked.kaspiDelivery?.courierTransmissionDate ?? 0))).toBeLessThan(1000)
    expect((await attrs(o.id)).kaspiDelivery.courierTransmissionDate).toEqual(expect.any(Number))
    expect(() => sb.trigger(o.code, "courier_pickup")).toThrow(/already/)
    sb.trigger(o.code, "kaspi_complete")
    const a = await attrs(o.id)
    expect(a).toMatchObject({ status: "COMPLETED", state: "ARCHIVE" })
    expect(a.customer.cellPhone).toBe("+0(000)-000-00-00")
    expect(() => sb.trigger(o.code, "kaspi_complete")).toThrow(/already/)
  })

  it("returns: return_requested → return_accepted → returned", async () => {
    const o = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, status: "COMPLETED" })
    expect(() => sb.trigger(o.code, "return_accepted")).toThrow(/No return/)
    sb.trigger(o.code, "return_requested")
    expect(await attrs(o.id)).toMatchObject({ status: "KASPI_DELIVERY_RETURN_REQUESTED", state: "KASPI_DELIVERY" })
    sb.trigger(o.code, "return_accepted")
    expect(await attrs(o.id)).toMatchObject({ status: "RETURN_ACCEPTED_BY_MERCHANT" })
    sb.trigger(o.code, "returned")
    expect(await attrs(o.id)).toMatchObject({ status: "RETURNED", state: "ARCHIVE" })
    expect(() => sb.trigger(o.code, "returned")).toThrow(/No return/)
    const active = sb.addOrder({})
    expect(() => sb.trigger(active.code, "return_requested")).toThrow(/completed/)
  })

  it("buyer_signs: SIGN_REQUIRED → NEW", async () => {
    const o = sb.addOrder({ paymentMode: "PAY_WITH_CREDIT", signatureRequired: true })
    expect((await attrs(o.id)).state).toBe("SIGN_REQUIRED")
    sb.trigger(o.code, "buyer_signs")
    expect(await attrs(o.id)).toMatchObject({ state: "NEW", status: "APPROVED_BY_BANK", signatureRequired: false })
    expect(() => sb.trigger(o.code, "buyer_signs")).toThrow(/no signature/)
  })

  it("control API: unknown order 404, unknown event 400", async () => {
    expect((await control(sb, "POST", `/orders/1/events`, { event: "buyer_cancel" })).status).toBe(404)
    const o = sb.addOrder({})
    const r = await control(sb, "POST", `/orders/${o.code}/events`, { event: "teleport" })
    expect(r.status).toBe(400)
    expect(r.json.error).toMatch(/event must be one of/)
  })

  it("events are not merchant actions", async () => {
    const o = sb.addOrder({})
    sb.trigger(o.code, "buyer_cancel", { immediate: true })
    expect(sb.actions()).toEqual([])
  })
})
