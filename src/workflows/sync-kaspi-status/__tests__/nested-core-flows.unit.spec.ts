import { stepsOf } from "../../__tests__/steps-of"
import { COMPLETE_MEDUSA_ORDER_WORKFLOW } from "../../complete-medusa-order"
import { MAX_FULFILLMENTS_PER_ORDER } from "../../complete-medusa-order/steps/plan-medusa-order-completion"
import { REDUCE_MEDUSA_ORDER_LINE_WORKFLOW } from "../../reduce-medusa-order-line"
import { SETUP_KASPI_ACCOUNT_WORKFLOW } from "../../setup-kaspi-account"
import { SYNC_KASPI_STATUS_WORKFLOW } from ".."
import { OPEN_MEDUSA_RETURN_WORKFLOW } from "../../open-medusa-return"
import { RECEIVE_MEDUSA_RETURN_WORKFLOW } from "../../receive-medusa-return"
import { RECORD_KASPI_REFUND_WORKFLOW } from "../../record-kaspi-refund"


// Medusa's workflows run nested as steps (runAsStep), so their compensation chains with
// ours; a core flow started with .run() inside a step would not show up here.
describe("Medusa's own workflows are nested as steps", () => {
  it("sync-kaspi-status: each unshipped fulfilment, then the order, is cancelled; completion is its own nested workflow", () => {
    const steps = stepsOf(SYNC_KASPI_STATUS_WORKFLOW)
    for (let i = 0; i < MAX_FULFILLMENTS_PER_ORDER; i++) expect(steps).toContain(`cancel-kaspi-order-fulfillment-${i}`)
    expect(steps.indexOf(`cancel-kaspi-order-fulfillment-${MAX_FULFILLMENTS_PER_ORDER - 1}`)).toBeLessThan(steps.indexOf("cancel-order-as-step"))
    expect(steps).toContain(`${COMPLETE_MEDUSA_ORDER_WORKFLOW}-as-step`)
  })

  it("complete-medusa-order: fulfil, deliver each fulfilment, complete", () => {
    const steps = stepsOf(COMPLETE_MEDUSA_ORDER_WORKFLOW)
    expect(steps).toContain("create-order-fulfillment-as-step")
    for (let i = 0; i < MAX_FULFILLMENTS_PER_ORDER; i++) expect(steps).toContain(`mark-kaspi-fulfillment-delivered-${i}`)
    expect(steps[steps.length - 1]).toBe("complete-order-workflow-as-step")
  })

  it("reduce-medusa-order-line: begin, update, request, confirm the order edit, then refund", () => {
    const nested = stepsOf(REDUCE_MEDUSA_ORDER_LINE_WORKFLOW).filter((s) => s.endsWith("-as-step"))
    expect(nested).toEqual([
      "begin-order-edit-order-as-step",
      "order-edit-update-item-quantity-as-step",
      "order-edit-request-as-step",
      "confirm-order-edit-request-as-step",
      "refund-payment-workflow-as-step",
    ])
  })

  it("sync-kaspi-status: a return is completed if need be, opened, received, then refunded, each its own nested workflow", () => {
    const steps = stepsOf(SYNC_KASPI_STATUS_WORKFLOW)
    const at = (name: string) => steps.indexOf(name)
    expect(at("complete-kaspi-order-before-return")).toBeGreaterThan(-1)
    expect(at("complete-kaspi-order-before-return")).toBeLessThan(at(`${OPEN_MEDUSA_RETURN_WORKFLOW}-as-step`))
    expect(at(`${OPEN_MEDUSA_RETURN_WORKFLOW}-as-step`)).toBeLessThan(at(`${RECEIVE_MEDUSA_RETURN_WORKFLOW}-as-step`))
    expect(at(`${RECEIVE_MEDUSA_RETURN_WORKFLOW}-as-step`)).toBeLessThan(at(`${RECORD_KASPI_REFUND_WORKFLOW}-as-step`))
  })

  it("open-medusa-return, receive-medusa-return, record-kaspi-refund: Medusa's return and refund flows", () => {
    const nested = (id: string) => stepsOf(id).filter((s) => s.endsWith("-as-step"))
    expect(nested(OPEN_MEDUSA_RETURN_WORKFLOW)).toEqual(["begin-return-order-as-step", "request-item-return-as-step", "confirm-return-request-as-step"])
    expect(nested(RECEIVE_MEDUSA_RETURN_WORKFLOW)).toEqual([
      "begin-receive-return-as-step",
      "receive-item-return-request-as-step",
      "confirm-return-receive-as-step",
    ])
    expect(nested(RECORD_KASPI_REFUND_WORKFLOW)).toEqual(["refund-payment-workflow-as-step"])
  })

  it("setup-kaspi-account: every creation is a nested Medusa workflow or step", () => {
    expect(stepsOf(SETUP_KASPI_ACCOUNT_WORKFLOW).filter((s) => s.endsWith("-as-step"))).toEqual([
      "create-regions-as-step",
      "create-sales-channels-as-step",
      "create-stock-locations-workflow-as-step",
      "create-shipping-profiles-workflow-as-step",
      "create-location-fulfillment-set-as-step",
      "create-service-zones-workflow-as-step",
      "create-shipping-options-workflow-as-step",
    ])
  })
})
