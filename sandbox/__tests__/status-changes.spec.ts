// POST /v2/orders: accept, cancel, ARRIVED, ARRIVED_BACKWARD, body validation, recorded actions.

import type { KaspiSandbox } from "../index"
import { TITLES } from "../state-machine"
import { STATUS_CHANGE_TITLES } from "../routes/status-change"
import { kaspi, postStatus, start } from "./helpers"

describe("POST /v2/orders status changes", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ tokens: ["test-token", "other-shop"] })
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  describe("ACCEPTED_BY_MERCHANT", () => {
    it.each([
      ["DELIVERY_PICKUP", false, "PICKUP"],
      ["DELIVERY_LOCAL", false, "DELIVERY"],
      ["DELIVERY_LOCAL", true, "KASPI_DELIVERY"],
      ["DELIVERY_PICKUP", true, "KASPI_DELIVERY"],
      ["DELIVERY_REGIONAL_TODOOR", true, "KASPI_DELIVERY"],
    ] as const)("%s (kaspi=%s) moves to %s", async (deliveryMode, isKaspiDelivery, state) => {
      const o = sb.addOrder({ deliveryMode, isKaspiDelivery })
      const r = await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
      expect(r.status).toBe(200)
      expect(r.json).toEqual({
        data: {
          type: "orders",
          id: o.id,
          attributes: { code: o.code, status: "ACCEPTED_BY_MERCHANT" },
          relationships: {
            user: { links: { self: `${sb.baseUrl}/v2/orders/${o.id}/relationships/user`, related: `${sb.baseUrl}/v2/orders/${o.id}/user` }, data: null },
            entries: { links: { self: `${sb.baseUrl}/v2/orders/${o.id}/relationships/entries`, related: `${sb.baseUrl}/v2/orders/${o.id}/entries` } },
          },
          links: { self: `${sb.baseUrl}/v2/orders/${o.id}` },
        },
        included: [],
      })
      const after = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
      expect(after).toMatchObject({ status: "ACCEPTED_BY_MERCHANT", state })
    })

    it("accepts a SIGN_REQUIRED order", async () => {
      const o = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", paymentMode: "PAY_WITH_CREDIT", signatureRequired: true })
      expect(o.state).toBe("SIGN_REQUIRED")
      expect((await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")).status).toBe(200)
      expect(sb.getOrder(o.code)).toMatchObject({ status: "ACCEPTED_BY_MERCHANT", state: "PICKUP", signatureRequired: true })
    })

    it("a second accept is a 400 whose title says 'already'", async () => {
      const o = sb.addOrder({})
      await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
      const r = await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toMatch(/already/)
    })

    it("refuses to accept cancelled or completed orders", async () => {
      const c = sb.addOrder({ status: "CANCELLED" })
      expect((await postStatus(sb, c.id, c.code, "ACCEPTED_BY_MERCHANT")).json.errors[0].title).toBe(TITLES.acceptCancelled)
      const d = sb.addOrder({ status: "COMPLETED" })
      expect((await postStatus(sb, d.id, d.code, "ACCEPTED_BY_MERCHANT")).json.errors[0].title).toBe(TITLES.acceptCompleted)
    })
  })

  describe("CANCELLED", () => {
    it.each(["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"])("cancels with %s → ARCHIVE, phone masked", async (reason) => {
      const o = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", customer: { cellPhone: "7771234567" } })
      const r = await postStatus(sb, o.id, o.code, "CANCELLED", { cancellationReason: reason, cancellationComment: "Нет в наличии" })
      expect(r.status).toBe(200)
      expect(r.json.data.attributes).toEqual({ code: o.code, status: "CANCELLED", cancellationReason: reason })
      const a = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
      expect(a).toMatchObject({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: reason })
      expect(a.customer.cellPhone).toBe("+0(000)-000-00-00")
      expect(sb.getOrder(o.code)?.realCellPhone).toBe("7771234567")
    })

    it("cancels an accepted order", async () => {
      const o = sb.addOrder({ status: "ACCEPTED_BY_MERCHANT" })
      expect((await postStatus(sb, o.id, o.code, "CANCELLED", { cancellationReason: "MERCHANT_OUT_OF_STOCK" })).status).toBe(200)
    })

    it("needs a valid cancellationReason", async () => {
      const o = sb.addOrder({})
      expect((await postStatus(sb, o.id, o.code, "CANCELLED")).json.errors[0].title).toBe(TITLES.cancelReasonRequired)
      const bad = await postStatus(sb, o.id, o.code, "CANCELLED", { cancellationReason: "BUYER_CANCELLATION_HIMSELF" })
      expect(bad.status).toBe(400)
      expect(bad.json.errors[0]).toEqual({ title: TITLES.cancelReasonUnknown, detail: expect.stringContaining("MERCHANT_OUT_OF_STOCK") })
      expect(sb.getOrder(o.code)?.status).toBe("APPROVED_BY_BANK")
    })

    it("refuses BUYER_NOT_REACHABLE for Kaspi Delivery", async () => {
      const o = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true })
      const r = await postStatus(sb, o.id, o.code, "CANCELLED", { cancellationReason: "BUYER_NOT_REACHABLE" })
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toBe(TITLES.cancelReasonNotReachableKaspi)
    })

    it("refuses a comment over 1000 characters", async () => {
      const o = sb.addOrder({})
      const r = await postStatus(sb, o.id, o.code, "CANCELLED", { cancellationReason: "MERCHANT_OUT_OF_STOCK", cancellationComment: "ы".repeat(1001) })
      expect(r.json.errors[0].title).toBe(TITLES.cancelCommentTooLong)
    })

    it("refuses once assembled, after completion, and says 'already' when cancelled", async () => {
      const k = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, status: "ACCEPTED_BY_MERCHANT" })
      expect((await postStatus(sb, k.id, k.code, "ASSEMBLE", { numberOfSpace: 1 })).status).toBe(200)
      expect((await postStatus(sb, k.id, k.code, "CANCELLED", { cancellationReason: "MERCHANT_OUT_OF_STOCK" })).json.errors[0].title).toBe(TITLES.cancelAssembled)
      const c = sb.addOrder({ status: "COMPLETED" })
      expect((await postStatus(sb, c.id, c.code, "CANCELLED", { cancellationReason: "MERCHANT_OUT_OF_STOCK" })).json.errors[0].title).toBe(TITLES.cancelCompleted)
      const x = sb.addOrder({})
      await postStatus(sb, x.id, x.code, "CANCELLED", { cancellationReason: "MERCHANT_OUT_OF_STOCK" })
      const again = await postStatus(sb, x.id, x.code, "CANCELLED", { cancellationReason: "MERCHANT_OUT_OF_STOCK" })
      expect(again.status).toBe(400)
      expect(again.json.errors[0].title).toMatch(/already/)
    })
  })

  describe("ARRIVED", () => {
    it("marks an accepted pre-order as arrived, once", async () => {
      const o = sb.addOrder({ preOrder: true, status: "ACCEPTED_BY_MERCHANT" })
      const r = await postStatus(sb, o.id, o.code, "ARRIVED")
      expect(r.status).toBe(200)
      expect(r.json.data.attributes).toEqual({ code: o.code, status: "ARRIVED" })
      expect(sb.getOrder(o.code)).toMatchObject({ arrived: true, status: "ACCEPTED_BY_MERCHANT" })
      expect((await postStatus(sb, o.id, o.code, "ARRIVED")).json.errors[0].title).toMatch(/already/)
    })
    it("refuses orders that are not pre-orders or not accepted", async () => {
      const a = sb.addOrder({ status: "ACCEPTED_BY_MERCHANT" })
      expect((await postStatus(sb, a.id, a.code, "ARRIVED")).json.errors[0].title).toBe(TITLES.arrivedNotPreOrder)
      const b = sb.addOrder({ preOrder: true })
      expect((await postStatus(sb, b.id, b.code, "ARRIVED")).json.errors[0].title).toBe(TITLES.arrivedNotAccepted)
    })
  })

  describe("ARRIVED_BACKWARD", () => {
    it("CANCELLING → CANCELLED with returnedToWarehouse", async () => {
      const o = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, status: "ACCEPTED_BY_MERCHANT" })
      sb.trigger(o.code, "buyer_cancel")
      const r = await postStatus(sb, o.id, o.code, "ARRIVED_BACKWARD")
      expect(r.status).toBe(200)
      const a = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
      expect(a).toMatchObject({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: "BUYER_CANCELLATION_HIMSELF" })
      expect(a.kaspiDelivery.returnedToWarehouse).toBe(true)
      expect((await postStatus(sb, o.id, o.code, "ARRIVED_BACKWARD")).json.errors[0].title).toMatch(/already/)
    })
    it("KASPI_DELIVERY_RETURN_REQUESTED → RETURNED", async () => {
      const o = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, status: "COMPLETED" })
      sb.trigger(o.code, "return_requested")
      expect((await postStatus(sb, o.id, o.code, "ARRIVED_BACKWARD")).status).toBe(200)
      expect(sb.getOrder(o.code)).toMatchObject({ status: "RETURNED", state: "ARCHIVE", returnedToWarehouse: true })
    })
    it("is refused for an active order", async () => {
      const o = sb.addOrder({ status: "ACCEPTED_BY_MERCHANT" })
      expect((await postStatus(sb, o.id, o.code, "ARRIVED_BACKWARD")).json.errors[0].title).toBe(TITLES.arrivedBackwardNotAllowed)
    })
  })

  describe("request validation", () => {
    it("rejects malformed bodies with clear titles", async () => {
      const o = sb.addOrder({})
      const cases: Array<[unknown, number, string]> = [
        ["{not json", 400, "Request body is not valid JSON"],
        [{ foo: 1 }, 400, STATUS_CHANGE_TITLES.notJsonApi],
        [{ data: { type: "order", id: o.id, attributes: { status: "ACCEPTED_BY_MERCHANT" } } }, 400, STATUS_CHANGE_TITLES.wrongType],
        [{ data: { type: "orders", attributes: { status: "ACCEPTED_BY_MERCHANT" } } }, 400, STATUS_CHANGE_TITLES.idRequired],
        [{ data: { type: "orders", id: o.id } }, 400, STATUS_CHANGE_TITLES.attributesRequired],
        [{ data: { type: "orders", id: o.id, attributes: { code: o.code } } }, 400, STATUS_CHANGE_TITLES.statusRequired],
        [{ data: { type: "orders", id: o.id, attributes: { code: o.code, status: "APPROVED_BY_BANK" } } }, 400, STATUS_CHANGE_TITLES.statusUnknown],
        [{ data: { type: "orders", id: o.id, attributes: { code: "1", status: "ACCEPTED_BY_MERCHANT" } } }, 400, STATUS_CHANGE_TITLES.codeMismatch],
        [{ data: { type: "orders", id: "bm9wZQ", attributes: { status: "ACCEPTED_BY_MERCHANT" } } }, 404, STATUS_CHANGE_TITLES.orderNotFound],
      ]
      for (const [body, status, title] of cases) {
        const r = await kaspi(sb, "/v2/orders", { body })
        expect({ body, status: r.status, title: r.json.errors[0].title }).toEqual({ body, status, title })
      }
      expect(sb.getOrder(o.code)?.status).toBe("APPROVED_BY_BANK")
    })

    it("code is optional", async () => {
      const o = sb.addOrder({})
      const r = await kaspi(sb, "/v2/orders", { body: { data: { type: "orders", id: o.id, attributes: { status: "ACCEPTED_BY_MERCHANT" } } } })
      expect(r.status).toBe(200)
    })

    it("another merchant's token cannot change the order", async () => {
      const o = sb.addOrder({})
      const r = await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT", {}, {}, "other-shop")
      expect(r.status).toBe(404)
      expect(sb.getOrder(o.code)?.status).toBe("APPROVED_BY_BANK")
    })
  })

  it("records every write with its result", async () => {
    const o = sb.addOrder({})
    await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
    await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
    await postStatus(sb, o.id, o.code, "CANCELLED", { cancellationReason: "NOPE" })
    const acts = sb.actions()
    expect(acts.map((a) => [a.action, a.result, a.code, a.orderId, a.merchantId, a.httpStatus])).toEqual([
      ["ACCEPTED_BY_MERCHANT", "ok", o.code, o.id, "30123456", 200],
      ["ACCEPTED_BY_MERCHANT", "rejected", o.code, o.id, "30123456", 400],
      ["CANCELLED", "rejected", o.code, o.id, "30123456", 400],
    ])
    expect(acts[1].error).toBe(TITLES.acceptAlready)
    expect(acts.every((a) => a.method === "POST" && a.path === "/shop/api/v2/orders")).toBe(true)
  })
})
