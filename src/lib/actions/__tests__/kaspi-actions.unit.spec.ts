import { actionIdempotencyKey, checkKaspiAction, nextAttemptDelayMs, type KaspiOrderFacts } from "../kaspi-actions"

const facts = (over: Partial<KaspiOrderFacts> = {}): KaspiOrderFacts => ({
  status: "ACCEPTED_BY_MERCHANT",
  state: "PICKUP",
  delivery_mode: "DELIVERY_PICKUP",
  is_kaspi_delivery: false,
  assembled: false,
  pre_order: false,
  signature_required: false,
  ...over,
})
const kaspiDelivery = (over: Partial<KaspiOrderFacts> = {}) =>
  facts({ state: "KASPI_DELIVERY", delivery_mode: "DELIVERY_REGIONAL_TODOOR", is_kaspi_delivery: true, ...over })

describe("checkKaspiAction follows Kaspi's state machine", () => {
  it.each([
    ["accept a paid order", facts({ status: "APPROVED_BY_BANK", state: "NEW" }), { action: "accept" }, true],
    ["accept again (harmless, counts as done)", facts(), { action: "accept" }, true],
    ["accept a cancelled order", facts({ status: "CANCELLED" }), { action: "accept" }, /waiting for acceptance/],
    ["cancel an accepted order", facts(), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, true],
    ["cancel after ASSEMBLE", kaspiDelivery({ assembled: true }), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, /after ASSEMBLE/],
    ["cancel a completed order", facts({ status: "COMPLETED" }), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" }, /no longer be cancelled/],
    ["BUYER_NOT_REACHABLE on Kaspi Delivery", kaspiDelivery(), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, /not for Kaspi Delivery/],
    ["BUYER_NOT_REACHABLE on pickup", facts(), { action: "cancel", reason: "BUYER_NOT_REACHABLE" }, true],
    ["a comment over 1000 characters", facts(), { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK", comment: "x".repeat(1001) }, /1000/],
    ["send the code for pickup", facts(), { action: "send_code" }, true],
    ["send the code for Kaspi Delivery", kaspiDelivery(), { action: "send_code" }, /completes Kaspi Delivery/],
    ["send the code before acceptance", facts({ status: "APPROVED_BY_BANK" }), { action: "send_code" }, /only an accepted order/],
    ["complete while the signature is pending", facts({ signature_required: true }), { action: "complete", security_code: "1234" }, /not signed/],
    ["complete with letters", facts(), { action: "complete", security_code: "12ab" }, /4–8 digits/],
    ["complete again", facts({ status: "COMPLETED" }), { action: "complete", security_code: "1234" }, true],
    ["assemble Kaspi Delivery", kaspiDelivery(), { action: "assemble", number_of_space: 2 }, true],
    ["assemble pickup", facts(), { action: "assemble", number_of_space: 1 }, /only Kaspi Delivery/],
    ["assemble 0 packages", kaspiDelivery(), { action: "assemble", number_of_space: 0 }, /1 to 100/],
    ["assemble before acceptance", kaspiDelivery({ status: "APPROVED_BY_BANK" }), { action: "assemble", number_of_space: 1 }, /accept the order/],
    ["arrived for a pre-order", facts({ pre_order: true }), { action: "arrived" }, true],
    ["arrived for a normal order", facts(), { action: "arrived" }, /only for pre-orders/],
    ["arrived back while cancelling", facts({ status: "CANCELLING" }), { action: "arrived_backward" }, true],
    ["arrived back for an active order", facts(), { action: "arrived_backward" }, /being cancelled or returned/],
    ["cancel a line", facts(), { action: "cancel_entry", entry_id: "e", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" }, true],
    ["cancel a line after ASSEMBLE", kaspiDelivery({ assembled: true }), { action: "cancel_entry", entry_id: "e", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" }, /after ASSEMBLE/],
  ] as const)("%s", (_name, o, payload, expected) => {
    const result = checkKaspiAction(o, payload as never)
    if (expected === true) expect(result).toEqual({ ok: true })
    else {
      expect(result.ok).toBe(false)
      expect(!result.ok && result.reason).toMatch(expected as RegExp)
    }
  })
})

describe("outbox keys and backoff", () => {
  it("one key per order for accept/cancel/assemble, one per code for completion, the client's key when given", () => {
    expect(actionIdempotencyKey("a", "k1", { action: "accept" })).toBe("a:k1:accept")
    expect(actionIdempotencyKey("a", "k1", { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" })).toBe("a:k1:cancel")
    expect(actionIdempotencyKey("a", "k1", { action: "complete", security_code: "1234" })).toBe("a:k1:complete:1234")
    expect(actionIdempotencyKey("a", "k1", { action: "accept" }, "click-7")).toBe("a:k1:accept:req:click-7")
    expect(actionIdempotencyKey("a", "k1", { action: "send_code" })).not.toBe(actionIdempotencyKey("a", "k2", { action: "send_code" }))
  })

  it("backs off exponentially with jitter, capped at 15 minutes", () => {
    expect(nextAttemptDelayMs(1, () => 0)).toBe(2_500)
    expect(nextAttemptDelayMs(1, () => 1)).toBe(5_000)
    expect(nextAttemptDelayMs(3, () => 1)).toBe(20_000)
    expect(nextAttemptDelayMs(50, () => 1)).toBe(15 * 60_000)
  })
})
