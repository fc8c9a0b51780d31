import fc from "fast-check"

/**
 * A random order history (issue #13): the order as Kaspi first shows it, then
 * what the merchant does in Medusa, what happens on Kaspi's side, Kaspi
 * failing, Medusa restarting, the poll and the outbox job running, in any
 * order. Pure data: run-history.ts carries it out, so fast-check can shrink a
 * failing one to the few steps that matter.
 */

export const CANCEL_REASONS = ["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"] as const

/** Where Medusa stops when it "restarts" in the middle of a merchant's action. */
export type Crash =
  /** the intent is recorded, the process dies before sending it: the outbox job sends it */
  | "before_send"
  /** claimed and leased, the process dies before Kaspi answers: the lease runs out and the job takes it */
  | "while_sending"

export type MerchantStep =
  | { kind: "accept" }
  | { kind: "cancel"; reason: (typeof CANCEL_REASONS)[number] }
  | { kind: "cancel_entry"; entry: number; remained: number; reason: (typeof CANCEL_REASONS)[number] }
  | { kind: "assemble"; places: number }
  | { kind: "send_code" }
  | { kind: "complete"; code: "right" | "wrong" }
  | { kind: "arrived" }
  /** the goods of a cancelled Kaspi Delivery order are back at the warehouse (ARRIVED_BACKWARD) */
  | { kind: "return_received" }
  /** cancelled on Medusa's own order screen (order.canceled): Medusa first, then Kaspi is asked */
  | { kind: "medusa_cancel" }

export type KaspiStep =
  | { kind: "kaspi"; event: "buyer_cancel" | "kaspi_cancel_timeout" | "courier_cancel"; immediate: boolean }
  | { kind: "kaspi"; event: "courier_pickup" | "kaspi_complete" | "return_requested" | "return_accepted" | "returned" | "buyer_signs" }
  | { kind: "kaspi_line"; entry: number; remained: number }

export type MachineryStep =
  /** the poll reads Kaspi (the status sync) */
  | { kind: "sync" }
  /** the outbox job runs, with every backoff run out */
  | { kind: "drain" }
  /** an hour passes on Kaspi's clock (CANCELLING becomes CANCELLED, waybills appear) */
  | { kind: "time" }

/** Kaspi fails every request of the step this way (none while the history drains). */
export type Fault = "5xx" | "429" | "malformed" | "html404"

/**
 * The order's usual next step (lifecycle.ts: accept, assemble or send the
 * code, complete, then a return), so that histories reach completion and
 * returns as often as they wander off into cancellations and refusals.
 */
export type NextStep = { kind: "next" }

export type Step =
  | ((MerchantStep | NextStep) & { crash?: Crash; fault?: Fault })
  | KaspiStep
  | (MachineryStep & { fault?: Fault })

export interface OrderSetup {
  delivery: "pickup" | "kaspi_delivery" | "local_delivery"
  /** quantities of the order's lines (one SKU each) */
  lines: number[]
  /** APPROVED_BY_BANK (waiting for the merchant) or already accepted elsewhere */
  status: "APPROVED_BY_BANK" | "ACCEPTED_BY_MERCHANT"
  /** a pre-order: the merchant says "arrived" once the goods are in */
  preOrder: boolean
}

export interface History {
  setup: OrderSetup
  steps: Step[]
}

const reason = fc.constantFrom(...CANCEL_REASONS)
const entry = fc.nat({ max: 2 })
/** `value` in `percent` % of the draws, undefined otherwise (undefined shrinks first). */
const sometimes = <T>(percent: number, value: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: value, weight: percent })
/** One merchant action in seven is cut short by a restart. */
const crash = sometimes(15, fc.constantFrom<Crash>("before_send", "while_sending"))
/** One step in five meets a failing Kaspi. Drawn here rather than by the sandbox's dice, so a shrunk history replays. */
const fault = sometimes(20, fc.constantFrom<Fault>("5xx", "429", "malformed", "html404"))
const withFault = <T extends object>(a: fc.Arbitrary<T>) => fc.tuple(a, fault).map(([s, f]) => (f ? { ...s, fault: f } : s))

const merchant: fc.Arbitrary<MerchantStep> = fc.oneof(
  { arbitrary: fc.constant({ kind: "accept" as const }), weight: 4 },
  { arbitrary: reason.map((r) => ({ kind: "cancel" as const, reason: r })), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant("cancel_entry" as const), entry, remained: fc.nat({ max: 2 }), reason }),
    weight: 2,
  },
  { arbitrary: fc.integer({ min: 1, max: 2 }).map((places) => ({ kind: "assemble" as const, places })), weight: 3 },
  { arbitrary: fc.constant({ kind: "send_code" as const }), weight: 2 },
  { arbitrary: fc.constantFrom("right" as const, "wrong" as const).map((code) => ({ kind: "complete" as const, code })), weight: 3 },
  { arbitrary: fc.constant({ kind: "arrived" as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: "return_received" as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: "medusa_cancel" as const }), weight: 3 }
)

const kaspiSide: fc.Arbitrary<KaspiStep> = fc.oneof(
  fc.record({
    kind: fc.constant("kaspi" as const),
    event: fc.constantFrom("buyer_cancel" as const, "kaspi_cancel_timeout" as const, "courier_cancel" as const),
    immediate: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("kaspi" as const),
    event: fc.constantFrom(
      "courier_pickup" as const,
      "kaspi_complete" as const,
      "return_requested" as const,
      "return_accepted" as const,
      "returned" as const,
      "buyer_signs" as const
    ),
  }),
  fc.record({ kind: fc.constant("kaspi_line" as const), entry, remained: fc.nat({ max: 2 }) })
)

const machinery: fc.Arbitrary<MachineryStep> = fc.constantFrom<MachineryStep>({ kind: "sync" }, { kind: "drain" }, { kind: "time" })

const next = fc.constant<NextStep>({ kind: "next" })

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: withFault(fc.tuple(next, crash).map(([m, c]) => (c ? { ...m, crash: c } : m))), weight: 8 },
  { arbitrary: withFault(fc.tuple(merchant, crash).map(([m, c]) => (c ? { ...m, crash: c } : m))), weight: 5 },
  { arbitrary: kaspiSide, weight: 3 },
  { arbitrary: withFault(machinery), weight: 3 }
)

export const historyArbitrary: fc.Arbitrary<History> = fc.record({
  setup: fc.record({
    delivery: fc.constantFrom<OrderSetup["delivery"]>("pickup", "kaspi_delivery", "local_delivery"),
    lines: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    status: fc.constantFrom<OrderSetup["status"]>("APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"),
    preOrder: fc.boolean(),
  }),
  steps: fc.array(step, { minLength: 1, maxLength: 16 }),
})

/** One line per step, for a shrunk failing history. */
export function describeHistory(h: History): string {
  const lines = [`order: ${h.setup.status}, ${h.setup.delivery}${h.setup.preOrder ? ", pre-order" : ""}, lines ${JSON.stringify(h.setup.lines)}`]
  h.steps.forEach((s, i) => lines.push(`${String(i + 1).padStart(2)}. ${JSON.stringify(s)}`))
  return lines.join("\n")
}
