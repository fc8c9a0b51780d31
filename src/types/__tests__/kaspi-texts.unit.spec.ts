import { KASPI_DISAGREEMENT_CODES, KASPI_EVENT_CODES, KASPI_FEED_CODES, KASPI_REFUSAL_CODES } from "../kaspi-texts"
import { KASPI_CHECK_HINT_KEYS } from "../../modules/kaspi/check/types"
import type { KaspiErrorKind } from "../../modules/kaspi/client/errors"
import en from "../../admin/i18n/en"
import ru from "../../admin/i18n/ru"

/** The {{placeholders}} of a text, sorted: both languages must fill the same ones. */
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const CYRILLIC = /[а-яё]/i

// Issue #19: every sentence the server says (event, import reason, refusal, feed report reason) has an English and a Russian text.
describe("server sentences by code", () => {
  const codes = [...KASPI_EVENT_CODES, ...KASPI_REFUSAL_CODES, ...KASPI_FEED_CODES, ...KASPI_DISAGREEMENT_CODES]

  it.each(codes)("%s has an English and a Russian text with the same placeholders", (code) => {
    const english: unknown = (en.said as Record<string, unknown>)[code]
    const russian: unknown = (ru.said as Record<string, unknown>)[code]
    expect(typeof english).toBe("string")
    expect(typeof russian).toBe("string")
    expect((english as string).trim()).not.toBe("")
    expect(placeholders(russian as string)).toEqual(placeholders(english as string))
    // A Russian text is Russian (an arrow alone, as for a status change, says nothing in either language).
    if (/[a-z]{3}/i.test((english as string).replace(/\{\{\w+\}\}/g, ""))) expect(russian).toMatch(CYRILLIC)
  })

  it("has no text for a code the server does not use (a renamed code would leave a dead text)", () => {
    expect(Object.keys(en.said).sort()).toEqual([...codes].sort())
    expect(Object.keys(ru.said).sort()).toEqual([...codes].sort())
  })

  it("lists each code once", () => {
    expect(new Set(codes).size).toBe(codes.length)
  })
})

// The Kaspi check's hints and the connection test's error kinds reach the admin as keys: each has both texts.
describe("Kaspi check hints and connection-test kinds", () => {
  const words = (dict: unknown, group: string, key: string): unknown => ((dict as Record<string, Record<string, unknown>>)[group] ?? {})[key]

  it.each([...KASPI_CHECK_HINT_KEYS])("check hint %s has an English and a Russian text", (key) => {
    expect(words(en, "check", `hint_${key}`)).toEqual(expect.any(String))
    expect(words(ru, "check", `hint_${key}`)).toMatch(CYRILLIC)
  })

  // Record<KaspiErrorKind, true>: a new kind fails typecheck:tests until it is listed (and then this test until it has texts).
  const KINDS: Record<KaspiErrorKind, true> = {
    unauthorized: true,
    forbidden: true,
    not_found: true,
    bad_request: true,
    rate_limited: true,
    server_error: true,
    timeout: true,
    network: true,
    invalid_response: true,
    not_configured: true,
  }
  it.each(Object.keys(KINDS))("connection-test kind %s has an English and a Russian text", (kind) => {
    expect(words(en, "accounts", `fail_${kind}`)).toEqual(expect.any(String))
    expect(words(ru, "accounts", `fail_${kind}`)).toMatch(CYRILLIC)
  })
})
