import { actionIdempotencyKey, checkKaspiAction, nextAttemptDelayMs, type KaspiActionPayload, type KaspiOrderFacts } from "../kaspi-actions"
import { KASPI_ORDER_STATUSES } from "../../../modules/kaspi/client/schemas"
import { orderFacts } from "./order-facts"
import { KASPI_REFUSAL_CODES } from "../../../types/kaspi-texts"

const facts = (over: Partial<KaspiOrderFacts> = {}): KaspiOrderFacts => orderFacts("ACCEPTED_BY_MERCHANT", over)
const kaspiDelivery = (over: Partial<KaspiOrderFacts> = {}) =>
  facts({ state: "KASPI_DELIVERY", delivery_mode: "DELIVERY_REGIONAL_TODOOR", is_kaspi_delivery: true, ...over })

const KNOWN_STATUSES = [...KASPI_ORDER_STATUSES]
const allowedFrom = (make: (status: string) => KaspiOrderFacts, payload: KaspiActionPayload) =>
  KNOWN_STATUSES.filter((status) => checkKaspiAction(make(status), payload).ok)

describe("checkKaspiAction follows Kaspi's state machine (API.md a.11)", () => {
  it.each([
    ["accept a paid order", facts({ status: "APPROVED_BY_BANK", state: "NEW" }), { action: "accept" }, true],
    ["accept again (harmless, counts as done)", facts(), { action: "accept" }, true],
    ["accept a cancelled order", facts({ status: "CANCELLED" }), { action: "accept" }, /only an order waiting for acceptance \(APPROVED_BY_BANK\); this one is CANCELLED/],
    ["cancel an accepted order", facts(), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, true],
    ["cancel a paid order", facts({ status: "APPROVED_BY_BANK", state: "NEW" }), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, true],
    ["cancel after ASSEMBLE", kaspiDelivery({ assembled: true }), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, /after ASSEMBLE/],
    ["cancel a completed order", facts({ status: "COMPLETED" }), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, /only from APPROVED_BY_BANK or ACCEPTED_BY_MERCHANT; this order is COMPLETED/],
    ["BUYER_NOT_REACHABLE on Kaspi Delivery", kaspiDelivery(), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, /only for pickup and your own delivery/],
    ["BUYER_NOT_REACHABLE on a Postomat order (pickup mode, Kaspi Delivery)", facts({ is_kaspi_delivery: true }), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, /not for Kaspi Delivery/],
    ["BUYER_NOT_REACHABLE on an order in the Kaspi Delivery tab", facts({ state: "KASPI_DELIVERY", delivery_mode: null }), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, /not for Kaspi Delivery/],
    ["BUYER_NOT_REACHABLE on pickup", facts(), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, true],
    ["BUYER_NOT_REACHABLE on own delivery", facts({ state: "DELIVERY", delivery_mode: "DELIVERY_LOCAL" }), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, true],
    ["BUYER_NOT_REACHABLE on a new pickup order (mode known before the tab)", facts({ status: "APPROVED_BY_BANK", state: "NEW" }), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, true],
    ["BUYER_NOT_REACHABLE on a new order of unknown delivery", facts({ status: "APPROVED_BY_BANK", state: "NEW", delivery_mode: null }), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, /only for pickup/],
    ["a comment over 1000 characters", facts(), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK", comment: "x".repeat(1001) }, /1000/],
    ["send the code for pickup", facts(), { action: "send_code" }, true],
    ["send the code for own delivery", facts({ state: "DELIVERY", delivery_mode: "DELIVERY_LOCAL" }), { action: "send_code" }, true],
    ["send the code for Kaspi Delivery", kaspiDelivery(), { action: "send_code" }, /completes Kaspi Delivery and Postomat orders itself/],
    ["send the code before acceptance", facts({ status: "APPROVED_BY_BANK" }), { action: "send_code" }, /only an accepted order \(ACCEPTED_BY_MERCHANT\); this one is APPROVED_BY_BANK/],
    ["send the code for a completed order", facts({ status: "COMPLETED" }), { action: "send_code" }, /already completed/],
    ["complete while the signature is pending", facts({ signature_required: true }), { action: "complete", security_code: "1234" }, /not signed/],
    ["complete with letters", facts(), { action: "complete", security_code: "12ab" }, /4–8 digits/],
    ["complete again", facts({ status: "COMPLETED" }), { action: "complete", security_code: "1234" }, true],
    ["complete Kaspi Delivery", kaspiDelivery(), { action: "complete", security_code: "1234" }, /completes Kaspi Delivery/],
    ["assemble Kaspi Delivery", kaspiDelivery(), { action: "assemble", number_of_space: 2 }, true],
    ["assemble again (harmless)", kaspiDelivery({ assembled: true }), { action: "assemble", number_of_space: 2 }, true],
    ["assemble pickup", facts(), { action: "assemble", number_of_space: 1 }, /only for Kaspi Delivery orders/],
    ["assemble 0 packages", kaspiDelivery(), { action: "assemble", number_of_space: 0 }, /1 to 100/],
    ["assemble before acceptance", kaspiDelivery({ status: "APPROVED_BY_BANK" }), { action: "assemble", number_of_space: 1 }, /only for an accepted order \(ACCEPTED_BY_MERCHANT\)/],
    ["assemble a completed, once assembled order", kaspiDelivery({ status: "COMPLETED", assembled: true }), { action: "assemble", number_of_space: 1 }, /this one is COMPLETED|it is COMPLETED/],
    ["arrived for a pre-order", facts({ pre_order: true }), { action: "arrived" }, true],
    ["arrived for a normal order", facts(), { action: "arrived" }, /ARRIVED only for pre-orders/],
    ["arrived for a pre-order not yet accepted", facts({ pre_order: true, status: "APPROVED_BY_BANK" }), { action: "arrived" }, /accepted pre-order \(ACCEPTED_BY_MERCHANT\)/],
    ["arrived back while cancelling", facts({ status: "CANCELLING" }), { action: "arrived_backward" }, true],
    ["arrived back while a return is requested", facts({ status: "KASPI_DELIVERY_RETURN_REQUESTED", state: "ARCHIVE" }), { action: "arrived_backward" }, true],
    ["arrived back once the return is accepted", facts({ status: "RETURN_ACCEPTED_BY_MERCHANT", state: "ARCHIVE" }), { action: "arrived_backward" }, /only while the order is CANCELLING or KASPI_DELIVERY_RETURN_REQUESTED; this one is RETURN_ACCEPTED_BY_MERCHANT/],
    ["arrived back for an active order", facts(), { action: "arrived_backward" }, /CANCELLING or KASPI_DELIVERY_RETURN_REQUESTED/],
    ["cancel a line", facts(), { action: "cancel_entry", entry_id: "e", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" }, true],
    ["cancel a line after ASSEMBLE", kaspiDelivery({ assembled: true }), { action: "cancel_entry", entry_id: "e", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" }, /after ASSEMBLE/],
    ["cancel a line of a completed order", facts({ status: "COMPLETED" }), { action: "cancel_entry", entry_id: "e", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" }, /APPROVED_BY_BANK or ACCEPTED_BY_MERCHANT/],
  ] as const)("%s", (_name, o, payload, expected) => {
    const result = checkKaspiAction(o, payload as never)
    if (expected === true) expect(result).toEqual({ ok: true })
    else {
      expect(result.ok).toBe(false)
      expect(!result.ok && result.reason).toMatch(expected as RegExp)
      // Issue #19: every refusal also carries a listed code (the admin's RU/EN text) and its parameters.
      expect(KASPI_REFUSAL_CODES).toContain(!result.ok && result.code)
      expect(!result.ok && result.params).toEqual(expect.any(Object))
    }
  })

  it("names every refusal code of the rules at least once in the cases above (no code is dead)", () => {
    const seen = new Set<string>()
    const statuses = [...KNOWN_STATUSES, "SOMETHING_NEW"]
    const payloads: KaspiActionPayload[] = [
      { action: "accept" },
      { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" },
      { action: "cancel", reason: "BUYER_NOT_REACHABLE" },
      { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK", comment: "x".repeat(1001) },
      { action: "send_code" },
      { action: "complete", security_code: "12ab" },
      { action: "assemble", number_of_space: 0 },
      { action: "arrived" },
      { action: "arrived_backward" },
      { action: "cancel_entry", entry_id: "e", remained_quantity: -1, reason: "MERCHANT_OUT_OF_STOCK" },
      { action: "nope" } as unknown as KaspiActionPayload,
    ]
    const shapes = [
      facts,
      kaspiDelivery,
      (o: Partial<KaspiOrderFacts>) => kaspiDelivery({ assembled: true, ...o }),
      (o: Partial<KaspiOrderFacts>) => facts({ signature_required: true, ...o }),
      (o: Partial<KaspiOrderFacts>) => facts({ pre_order: true, ...o }),
    ]
    for (const shape of shapes)
      for (const status of statuses)
        for (const payload of payloads) {
          for (const onTheWay of [[], ["cancel"]]) {
            const r = checkKaspiAction(shape({ status }), payload, onTheWay)
            if (!r.ok) seen.add(r.code)
          }
        }
    expect([...seen].sort()).toEqual([...KASPI_REFUSAL_CODES].sort())
  })

  it("while a cancel is on its way to Kaspi, only the cancel itself may be asked again (found by the agreement test)", () => {
    const line: KaspiActionPayload = { action: "cancel_entry", entry_id: "e", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" }
    expect(checkKaspiAction(facts(), line, ["accept"])).toEqual({ ok: true })
    const refused = checkKaspiAction(facts(), line, ["cancel"])
    expect(refused).toMatchObject({ ok: false, code: "refusal.cancel_waiting", reason: expect.stringMatching(/waiting to be sent to Kaspi/) })
    for (const p of [{ action: "accept" }, { action: "send_code" }, { action: "assemble", number_of_space: 1 }] as KaspiActionPayload[]) {
      expect(checkKaspiAction(facts(), p, ["cancel"]).ok).toBe(false)
    }
    expect(checkKaspiAction(facts(), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, ["cancel"])).toEqual({ ok: true })
  })

  // One line per target status of the a.11 table: from which statuses the plugin lets it through.
  it("ACCEPTED_BY_MERCHANT only from APPROVED_BY_BANK (or already there)", () => {
    expect(allowedFrom((status) => facts({ status }), { action: "accept" })).toEqual(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])
  })

  it("CANCELLED only from APPROVED_BY_BANK or ACCEPTED_BY_MERCHANT (or already cancelling / cancelled), never after ASSEMBLE", () => {
    const cancel = { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" } as const
    expect(allowedFrom((status) => facts({ status }), cancel)).toEqual(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT", "CANCELLED", "CANCELLING"])
    expect(allowedFrom((status) => kaspiDelivery({ status, assembled: true }), cancel)).toEqual(["CANCELLED", "CANCELLING"])
  })

  it("BUYER_NOT_REACHABLE only for pickup and merchant-delivery orders ([G-EN])", () => {
    const reason = { action: "cancel", reason: "BUYER_NOT_REACHABLE" } as const
    expect(checkKaspiAction(facts({ state: "PICKUP", delivery_mode: "DELIVERY_PICKUP" }), reason).ok).toBe(true)
    expect(checkKaspiAction(facts({ state: "DELIVERY", delivery_mode: "DELIVERY_LOCAL" }), reason).ok).toBe(true)
    for (const mode of ["DELIVERY_REGIONAL_TODOOR", "DELIVERY_REGIONAL_PICKUP", "DELIVERY_PICKUP", "DELIVERY_LOCAL"]) {
      expect(checkKaspiAction(kaspiDelivery({ delivery_mode: mode }), reason).ok).toBe(false)
    }
  })

  it("COMPLETED (both steps) only from ACCEPTED_BY_MERCHANT and never for Kaspi Delivery", () => {
    expect(allowedFrom((status) => facts({ status }), { action: "send_code" })).toEqual(["ACCEPTED_BY_MERCHANT"])
    expect(allowedFrom((status) => facts({ status }), { action: "complete", security_code: "1234" })).toEqual(["ACCEPTED_BY_MERCHANT", "COMPLETED"])
    expect(allowedFrom((status) => kaspiDelivery({ status }), { action: "send_code" })).toEqual([])
    expect(allowedFrom((status) => kaspiDelivery({ status }), { action: "complete", security_code: "1234" })).toEqual([])
  })

  it("ASSEMBLE only for Kaspi Delivery orders in ACCEPTED_BY_MERCHANT", () => {
    const assemble = { action: "assemble", number_of_space: 1 } as const
    expect(allowedFrom((status) => kaspiDelivery({ status }), assemble)).toEqual(["ACCEPTED_BY_MERCHANT"])
    expect(allowedFrom((status) => kaspiDelivery({ status, assembled: true }), assemble)).toEqual(["ACCEPTED_BY_MERCHANT"])
    expect(allowedFrom((status) => facts({ status }), assemble)).toEqual([])
  })

  it("ARRIVED only for pre-orders in ACCEPTED_BY_MERCHANT", () => {
    expect(allowedFrom((status) => facts({ status, pre_order: true }), { action: "arrived" })).toEqual(["ACCEPTED_BY_MERCHANT"])
    expect(allowedFrom((status) => facts({ status }), { action: "arrived" })).toEqual([])
  })

  it("ARRIVED_BACKWARD only from CANCELLING or KASPI_DELIVERY_RETURN_REQUESTED", () => {
    expect(allowedFrom((status) => facts({ status }), { action: "arrived_backward" })).toEqual(["CANCELLING", "KASPI_DELIVERY_RETURN_REQUESTED"])
    expect(allowedFrom((status) => kaspiDelivery({ status }), { action: "arrived_backward" })).toEqual(["CANCELLING", "KASPI_DELIVERY_RETURN_REQUESTED"])
  })

  it("a status the plugin does not know allows nothing and does not crash", () => {
    const payloads: KaspiActionPayload[] = [
      { action: "accept" },
      { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" },
      { action: "send_code" },
      { action: "complete", security_code: "1234" },
      { action: "assemble", number_of_space: 1 },
      { action: "arrived" },
      { action: "arrived_backward" },
      { action: "cancel_entry", entry_id: "e", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" },
    ]
    const odd = [
      facts({ status: "SOMETHING_NEW" }),
      facts({ status: "" }),
      kaspiDelivery({ status: "HANDED_TO_COURIER", assembled: true }),
      facts({ status: "SOMETHING_NEW", pre_order: true }),
      facts({ status: null as unknown as string, state: null as unknown as string, delivery_mode: null }),
      facts({ status: 42 as unknown as string }),
    ]
    for (const o of odd) {
      for (const p of payloads) {
        const r = checkKaspiAction(o, p)
        expect(r.ok).toBe(false)
      }
    }
    expect(checkKaspiAction(facts({ status: "SOMETHING_NEW" }), { action: "accept" })).toEqual({
      ok: false,
      reason: expect.stringContaining("this one is SOMETHING_NEW"),
      code: "refusal.accept_status",
      params: { status: "SOMETHING_NEW" },
    })
  })
})

describe("outbox keys and backoff", () => {
  it("one key per intent: per order for accept/cancel/assemble whoever asks, per code for completion, per line cut; the client's key names only a send_code click", () => {
    expect(actionIdempotencyKey("a", "k1", { action: "accept" })).toBe("a:k1:accept")
    expect(actionIdempotencyKey("a", "k1", { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" })).toBe("a:k1:cancel")
    expect(actionIdempotencyKey("a", "k1", { action: "complete", security_code: "1234" })).toBe("a:k1:complete:1234")
    // The route (with a client's key) and the order.canceled subscriber (without) ask for the same cancel: one row.
    expect(actionIdempotencyKey("a", "k1", { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, "click-7")).toBe("a:k1:cancel")
    expect(actionIdempotencyKey("a", "k1", { action: "accept" }, "click-7")).toBe("a:k1:accept")
    expect(actionIdempotencyKey("a", "k1", { action: "cancel_entry", entry_id: "e1", remained_quantity: 1, reason: "MERCHANT_OUT_OF_STOCK" })).toBe(
      "a:k1:cancel_entry:e1:1"
    )
    expect(actionIdempotencyKey("a", "k1", { action: "send_code" })).not.toBe(actionIdempotencyKey("a", "k2", { action: "send_code" }))
  })

  it("sending the code: one key per click — the same while the previous answer is the same, a new one after Kaspi answered", () => {
    const first = actionIdempotencyKey("a", "k1", { action: "send_code" }, undefined, null)
    expect(first).toBe("a:k1:send_code:after:none")
    // a double submit sees the same last answered row: same key, one send
    expect(actionIdempotencyKey("a", "k1", { action: "send_code" }, undefined, null)).toBe(first)
    // the next click comes after the first was answered: a new key
    const second = actionIdempotencyKey("a", "k1", { action: "send_code" }, undefined, "kact_1")
    expect(second).toBe("a:k1:send_code:after:kact_1")
    expect(second).not.toBe(first)
    // the caller's Idempotency-Key names the click
    expect(actionIdempotencyKey("a", "k1", { action: "send_code" }, "click-9", "kact_1")).toBe("a:k1:send_code:req:click-9")
  })

  it("backs off exponentially with jitter, capped at 15 minutes", () => {
    expect(nextAttemptDelayMs(1, () => 0)).toBe(2_500)
    expect(nextAttemptDelayMs(1, () => 1)).toBe(5_000)
    expect(nextAttemptDelayMs(3, () => 1)).toBe(20_000)
    expect(nextAttemptDelayMs(50, () => 1)).toBe(15 * 60_000)
  })
})
