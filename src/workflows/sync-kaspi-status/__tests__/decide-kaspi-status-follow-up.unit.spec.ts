import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MAX_FULFILLMENTS_PER_ORDER } from "../../complete-medusa-order/steps/plan-medusa-order-completion"
import { decideKaspiStatusFollowUpStep } from "../steps/decide-kaspi-status-follow-up"

// The step on its own, in a throw-away workflow, over a container whose query answers with one order.
const decide = createWorkflow("test-decide-kaspi-status-follow-up", (input: { order_id: string; kaspi_order_id: string; status: string; cancellation_reason: string | null }) =>
  new WorkflowResponse(decideKaspiStatusFollowUpStep(input))
)

type Fulfillment = { id: string; canceled_at: string | null; shipped_at: string | null; delivered_at: string | null }

function containerWith(order: { id: string; status: string; metadata?: Record<string, unknown>; fulfillments: Fulfillment[] } | null) {
  const container = createMedusaContainer()
  container.register(ContainerRegistrationKeys.QUERY, asValue({ graph: async () => ({ data: order ? [order] : [] }) }))
  return container
}

const fulfillment = (id: string, over: Partial<Fulfillment> = {}): Fulfillment => ({ id, canceled_at: null, shipped_at: null, delivered_at: null, ...over })

describe("decideKaspiStatusFollowUpStep", () => {
  it("a Kaspi cancellation cancels the live, unshipped fulfilments (not those already cancelled) before the order", async () => {
    const container = containerWith({
      id: "order_1",
      status: "pending",
      metadata: { kaspi_code: "123" },
      fulfillments: [fulfillment("ful_1"), fulfillment("ful_2", { canceled_at: "2026-01-01" }), fulfillment("ful_3")],
    })
    const { result } = await decide(container).run({ input: { order_id: "order_1", kaspi_order_id: "kord_1", status: "CANCELLED", cancellation_reason: "BUYER_CANCELLATION_HIMSELF" } })
    expect(result).toMatchObject({ found: true, action: "cancel", cancel_fulfillment_ids: ["ful_1", "ful_3"], metadata: { kaspi_code: "123" } })
  })

  it("a cancellation after shipping becomes a return, and nothing is cancelled", async () => {
    const container = containerWith({ id: "order_1", status: "pending", fulfillments: [fulfillment("ful_1", { shipped_at: "2026-01-01" })] })
    const { result } = await decide(container).run({ input: { order_id: "order_1", kaspi_order_id: "kord_1", status: "CANCELLED", cancellation_reason: null } })
    expect(result).toMatchObject({ action: "return", cancel_fulfillment_ids: [], returns: { open: true, receive: false, refund: false } })
  })

  it("an order gone from Medusa is left alone", async () => {
    const { result } = await decide(containerWith(null)).run({ input: { order_id: "order_x", kaspi_order_id: "kord_x", status: "COMPLETED", cancellation_reason: null } })
    expect(result).toMatchObject({ found: false, action: "none", reason: null, metadata: {}, cancel_fulfillment_ids: [] })
  })

  it("refuses, with the reason, more fulfilments than the workflow has steps for", async () => {
    const many = Array.from({ length: MAX_FULFILLMENTS_PER_ORDER + 1 }, (_, i) => fulfillment(`ful_${i}`))
    const { errors } = await decide(containerWith({ id: "order_1", status: "pending", fulfillments: many })).run({
      input: { order_id: "order_1", kaspi_order_id: "kord_1", status: "CANCELLED", cancellation_reason: null },
      throwOnError: false,
    })
    expect(errors[0]?.error?.message).toContain(`cancels at most ${MAX_FULFILLMENTS_PER_ORDER}`)
  })
})
