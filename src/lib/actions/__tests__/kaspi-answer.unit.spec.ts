import { kaspiAnswerFromError, MAX_ACTION_ATTEMPTS, type KaspiCallError } from "../kaspi-answer"
import { disagreementAfterFollowUp, disagreementAfterRefusal } from "../disagreement"

const err = (over: Partial<KaspiCallError>): KaspiCallError => ({
  kind: "bad_request",
  message: "Kaspi API POST /v2/orders 400 (bad_request)",
  kaspiErrors: [],
  retryable: false,
  alreadyDone: false,
  ...over,
})

describe("Kaspi's answer to an outbox row", () => {
  const now = Date.parse("2026-12-04T12:00:00Z")

  it("Kaspi saying it already has it counts as sent", () => {
    expect(kaspiAnswerFromError(err({ alreadyDone: true, kaspiErrors: ["Order already accepted"] }), 1, now)).toEqual({
      kind: "sent",
      http_status: null,
      already: true,
      kaspi_said: "Order already accepted",
    })
  })

  it("temporary failures and a refused token are retried with backoff until the attempts run out, then given up", () => {
    for (const kind of ["server_error", "timeout", "network", "rate_limited", "invalid_response"]) {
      const a = kaspiAnswerFromError(err({ kind, retryable: true }), 3, now)
      expect(a.kind).toBe("retry")
      if (a.kind === "retry") expect(Date.parse(a.next_at)).toBeGreaterThan(now)
    }
    expect(kaspiAnswerFromError(err({ kind: "unauthorized" }), 1, now).kind).toBe("retry")
    expect(kaspiAnswerFromError(err({ kind: "forbidden" }), 1, now).kind).toBe("retry")
    const givenUp = kaspiAnswerFromError(err({ kind: "server_error", retryable: true }), MAX_ACTION_ATTEMPTS, now)
    expect(givenUp).toMatchObject({ kind: "failed", error_kind: "server_error" })
  })

  it("Kaspi refusing the change fails at once, with Kaspi's words", () => {
    expect(kaspiAnswerFromError(err({ kaspiErrors: ["Wrong status", "Try later"] }), 1, now)).toEqual({
      kind: "failed",
      error_kind: "bad_request",
      message: "Kaspi API POST /v2/orders 400 (bad_request)",
      kaspi_said: "Wrong status; Try later",
    })
  })
})

describe("disagreements", () => {
  const at = new Date("2026-12-04T12:00:00Z")
  const row = { id: "kact_1", action: "cancel", origin: "order.canceled" }

  it("a refusal of a change Medusa made first names the action, where it came from and Kaspi's words", () => {
    expect(disagreementAfterRefusal(row, "bad_request", "Order is assembled", at)).toEqual({
      kind: "kaspi_refused",
      action_id: "kact_1",
      action: "cancel",
      reason: "cancel was done in Medusa (order.canceled) but Kaspi refused it: Order is assembled",
      said: "Order is assembled",
      at: at.toISOString(),
    })
  })

  it("a change Kaspi never heard (given up) says so, and that it is sent again", () => {
    const d = disagreementAfterRefusal(row, "unauthorized", "token refused", at)
    expect(d.kind).toBe("kaspi_unreachable")
    expect(d.reason).toContain("sent again when Kaspi answers")
  })

  it("Medusa not following Kaspi keeps Medusa's words", () => {
    expect(disagreementAfterFollowUp({ id: "kact_2", action: "complete" }, "Order is canceled", at)).toMatchObject({
      kind: "medusa_could_not_follow",
      reason: "Kaspi took complete but the Medusa order could not follow: Order is canceled",
    })
  })
})
