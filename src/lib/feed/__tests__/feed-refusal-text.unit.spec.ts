import { evaluateGuards, feedRefusalText } from "../guards"
import { sayKaspiText } from "../../texts/say-kaspi-text"

describe("a refused price list, said in the reader's language", () => {
  it("words each guard's refusal from the stored code and diff, the same as the build's English message", () => {
    const diff = { offers: 1, previous_offers: 3, removed: 2 }
    const decision = evaluateGuards(diff, { maxRemovedShare: 0.2 })
    expect(decision.publish).toBe(false)
    const text = feedRefusalText({ refusal_code: "too_many_removed", diff })!
    expect(text).toEqual({ code: "feed.refused.too_many_removed", params: { removed: 2, previous: 3, share: "66.7%" } })
    expect(sayKaspiText("en", text.code, text.params)).toMatch(/^The new feed drops 2 of 3 offers \(66\.7%\), more than allowed/)
    expect(sayKaspiText("ru", text.code, text.params)).toMatch(/^Новый прайс-лист убирает 2 из 3 предложений \(66\.7%\)/)
    const empty = feedRefusalText({ refusal_code: "empty_feed", diff: { offers: 0 } })!
    expect(sayKaspiText("en", empty.code, empty.params)).toBe((evaluateGuards({ offers: 0, previous_offers: 0, removed: 0 }, { maxRemovedShare: 0.2 }) as { message: string }).message)
  })

  it("is null for a build no guard refused", () => {
    expect(feedRefusalText({ refusal_code: null, diff: null })).toBeNull()
    expect(feedRefusalText({ refusal_code: "something_else" })).toBeNull()
  })
})
