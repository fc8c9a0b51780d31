import { sendCodeAbandoned, sendCodeError, sendCodeTaken, type SendCodeError } from "../send-code-outcome"

const err = (over: Partial<SendCodeError>): SendCodeError => ({ kind: "bad_request", kaspiErrors: [], connectionRefused: false, ...over })

describe("completion step 1: what Kaspi's answer means (API.md a.11, f.10)", () => {
  it("any 2xx is taken, whatever its body", () => {
    for (const answer of ["echo", "empty", "other"] as const) {
      const d = sendCodeTaken(answer, 200, answer === "other" ? { result: "OK" } : null)
      expect(d.row_status).toBe("sent")
      expect(d.outcome).toMatchObject({ outcome: "sent", http_status: 200, answer })
      expect(d.message).toMatch(/^Kaspi accepted: the buyer gets a code/)
    }
    expect(sendCodeTaken("other", 200, { result: "OK" }).outcome?.kaspi_message).toBe('{"result":"OK"}')
  })

  it("a 4xx is Kaspi's answer with a warning: not retried, the code may still have been sent", () => {
    const d = sendCodeError(err({ status: 400, kaspiErrors: ["Security code already sent"] }), true)
    expect(d).toEqual({
      row_status: "sent",
      outcome: { outcome: "answered", http_status: 400, kaspi_message: "Security code already sent", kind: "bad_request" },
      message: "Kaspi answered 400 «Security code already sent»: the code may still have been sent — ask the buyer before sending again",
    })
    // 429 and 401 are 4xx too: no retry (conservative)
    expect(sendCodeError(err({ kind: "rate_limited", status: 429 }), true)).toMatchObject({ row_status: "sent", outcome: { outcome: "answered", http_status: 429 } })
    expect(sendCodeError(err({ kind: "unauthorized", status: 401 }), true).message).toMatch(/Kaspi answered 401 «no explanation»/)
  })

  it("a 5xx is a failure, not retried", () => {
    const d = sendCodeError(err({ kind: "server_error", status: 500, kaspiErrors: ["Internal Server Error"] }), true)
    expect(d.row_status).toBe("failed")
    expect(d.outcome).toMatchObject({ outcome: "failed", http_status: 500, kaspi_message: "Internal Server Error" })
    expect(d.message).toMatch(/^Kaspi error 500: Internal Server Error — the code may have been sent/)
  })

  it("no answer (timeout, connection lost) is unknown, not retried", () => {
    const t = sendCodeError(err({ kind: "timeout", detail: "no answer within 30000 ms" }), true)
    expect(t).toMatchObject({ row_status: "failed", outcome: { outcome: "unknown", kind: "timeout", http_status: null } })
    expect(t.message).toBe("Kaspi did not answer (timeout): the code may have been sent — ask the buyer before sending again")
    const reset = sendCodeError(err({ kind: "network", detail: "ECONNRESET socket hang up" }), true)
    expect(reset).toMatchObject({ row_status: "failed", outcome: { outcome: "unknown", kind: "network" } })
  })

  it("a refused connection never reached Kaspi: retried while attempts remain, then not sent", () => {
    const refused = err({ kind: "network", detail: "ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1", connectionRefused: true })
    expect(sendCodeError(refused, true)).toMatchObject({ row_status: "pending", outcome: null })
    expect(sendCodeError(refused, false)).toMatchObject({ row_status: "failed", outcome: { outcome: "not_sent" } })
  })

  it("nothing sent at all (no token): not sent, not retried", () => {
    expect(sendCodeError(err({ kind: "not_configured", detail: "no token" }), true)).toMatchObject({
      row_status: "failed",
      outcome: { outcome: "not_sent", kind: "not_configured" },
    })
  })

  it("a 2xx the client could not read still counts as taken", () => {
    expect(sendCodeError(err({ kind: "invalid_response", status: 200, detail: "malformed JSON (3 bytes)" }), true)).toMatchObject({
      row_status: "sent",
      outcome: { outcome: "sent", answer: "other" },
    })
  })

  it("a sender that stopped mid-request leaves the outcome unknown", () => {
    expect(sendCodeAbandoned()).toMatchObject({ row_status: "failed", outcome: { outcome: "unknown", kind: "abandoned" } })
  })
})
