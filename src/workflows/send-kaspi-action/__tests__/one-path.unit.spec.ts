import { stepsOf } from "../../__tests__/steps-of"
import { SEND_KASPI_ACTION_WORKFLOW } from ".."
import { REQUEST_KASPI_ACTION_WORKFLOW } from "../../request-kaspi-action"
import { SYNC_KASPI_STATUS_WORKFLOW } from "../../sync-kaspi-status"

// Issue #13: the request workflow only records the intent; the send workflow calls Kaspi and records
// its answer before any Medusa change, and the follow-ups are nested workflows (their compensation chains).
describe("one path per action", () => {
  it("request-kaspi-action checks and records, and sends nothing", () => {
    expect(stepsOf(REQUEST_KASPI_ACTION_WORKFLOW)).toEqual(["check-kaspi-action", "record-kaspi-action"])
  })

  it("send-kaspi-action: claim → call Kaspi → record the answer, then the Medusa follow-ups nested as steps", () => {
    const steps = stepsOf(SEND_KASPI_ACTION_WORKFLOW)
    expect(steps.slice(0, 3)).toEqual(["claim-kaspi-action", "call-kaspi", "record-kaspi-answer"])
    const followUps = steps.slice(3)
    expect(followUps).toEqual(
      expect.arrayContaining([`${SYNC_KASPI_STATUS_WORKFLOW}-as-step`, "complete-medusa-order-for-kaspi-as-step", "reduce-medusa-order-line-for-kaspi-as-step"])
    )
    // No Medusa change comes before Kaspi's answer is recorded.
    expect(steps.indexOf("record-kaspi-answer")).toBeLessThan(Math.min(...followUps.map((s) => steps.indexOf(s))))
  })
})
