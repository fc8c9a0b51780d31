import { stepsOf } from "../../__tests__/steps-of"
import { FOLLOW_KASPI_ORDER_LINES_WORKFLOW } from ".."
import { REDUCE_MEDUSA_ORDER_LINE_WORKFLOW } from "../../reduce-medusa-order-line"


// The order edit and the refund are Medusa's workflows nested as steps (runAsStep), so a refund Medusa
// refuses undoes the edit; both Kaspi follow-ups share that part (edit-medusa-order-lines.ts).
describe("follow-kaspi-order-lines", () => {
  it("plans, then one order edit (begin, update, request, confirm), then the refund", () => {
    const steps = stepsOf(FOLLOW_KASPI_ORDER_LINES_WORKFLOW)
    expect(steps[0]).toBe("plan-kaspi-order-lines")
    expect(steps.filter((s) => s.endsWith("-as-step"))).toEqual([
      "begin-order-edit-order-as-step",
      "order-edit-update-item-quantity-as-step",
      "order-edit-request-as-step",
      "confirm-order-edit-request-as-step",
      "refund-payment-workflow-as-step",
    ])
  })

  it("uses the same nested flows as reduce-medusa-order-line", () => {
    const nested = (id: string) => stepsOf(id).filter((s) => s.endsWith("-as-step"))
    expect(nested(FOLLOW_KASPI_ORDER_LINES_WORKFLOW)).toEqual(nested(REDUCE_MEDUSA_ORDER_LINE_WORKFLOW))
  })
})
