import { importStatusTransition, KaspiImportTransitionError, type KaspiImportActor, type KaspiImportState } from "../import-status"
import { KASPI_IMPORT_STATUSES, type KaspiImportStatus } from "../models/kaspi-order"

const ACTORS: KaspiImportActor[] = ["claim", "finish", "undo_claim", "undo_finish", "admin_retry", "sku_mapped", "unreadable"]

const at = (status: KaspiImportStatus, over: Partial<KaspiImportState> = {}): KaspiImportState => ({
  status,
  linked: status === "imported",
  leaseLive: false,
  ...over,
})

const allowed = (from: KaspiImportState, to: KaspiImportStatus, by: KaspiImportActor) => importStatusTransition(from, to, by).allowed

/** Every (from, to) pair an actor may make for an order with no Medusa order and no live lease. */
function movesOf(by: KaspiImportActor, state: Partial<KaspiImportState> = { linked: false }): string[] {
  return KASPI_IMPORT_STATUSES.flatMap((from) =>
    KASPI_IMPORT_STATUSES.filter((to) => allowed(at(from, state), to, by)).map((to) => `${from}→${to}`)
  )
}

describe("import_status transitions", () => {
  it("lets a claim take a queued, waiting or failed order, and a dead attempt's order, but nothing imported or ignored", () => {
    expect(movesOf("claim")).toEqual(["pending→importing", "importing→importing", "needs_attention→importing", "failed→importing"])
    expect(importStatusTransition(at("importing", { leaseLive: true }), "importing", "claim")).toEqual({
      allowed: false,
      why: expect.stringMatching(/another import attempt holds the order/),
    })
    expect(allowed(at("imported"), "importing", "claim")).toBe(false)
    expect(allowed(at("ignored"), "importing", "claim")).toBe(false)
  })

  it("lets an attempt record imported or ignored only while it holds the order", () => {
    for (const to of ["imported", "ignored"] as const) {
      expect(allowed(at("importing", { leaseLive: true }), to, "finish")).toBe(true)
      for (const from of KASPI_IMPORT_STATUSES.filter((s) => s !== "importing")) {
        expect(allowed(at(from, { linked: false }), to, "finish")).toBe(false)
      }
    }
  })

  it("lets an undone attempt record why it failed, but never over an imported or ignored order", () => {
    for (const to of ["needs_attention", "failed"] as const) {
      for (const from of ["importing", "pending", "needs_attention", "failed"] as const) expect(allowed(at(from), to, "finish")).toBe(true)
      expect(allowed(at("imported"), to, "finish")).toBe(false)
      expect(allowed(at("ignored"), to, "finish")).toBe(false)
    }
  })

  it("never lets finish put an order back in the queue (that is release or undo)", () => {
    for (const from of KASPI_IMPORT_STATUSES) {
      expect(importStatusTransition(at(from), "pending", "finish")).toEqual({ allowed: false, why: 'finish never sets import_status "pending"' })
    }
  })

  it("gives the order back to where the claim found it, also after the finish was undone", () => {
    expect(movesOf("undo_claim")).toEqual([
      "pending→pending",
      "pending→importing",
      "pending→needs_attention",
      "pending→failed",
      "importing→pending",
      "importing→importing",
      "importing→needs_attention",
      "importing→failed",
    ])
    expect(allowed(at("importing", { leaseLive: true }), "pending", "undo_claim")).toBe(true)
    expect(allowed(at("imported"), "pending", "undo_claim")).toBe(false)
  })

  it("lets only the finish step's compensation reopen an imported order (it unlinks the Medusa order)", () => {
    for (const by of ACTORS.filter((a) => a !== "undo_finish")) {
      for (const to of KASPI_IMPORT_STATUSES) expect(allowed(at("imported"), to, by)).toBe(false)
    }
    expect(allowed(at("imported"), "pending", "undo_finish")).toBe(true)
    expect(allowed(at("ignored", { linked: false }), "pending", "undo_finish")).toBe(true)
    expect(allowed(at("importing"), "pending", "undo_finish")).toBe(false)
  })

  it("lets a person retry anything not imported, except an order another attempt is importing", () => {
    expect(movesOf("admin_retry")).toEqual(["pending→pending", "importing→pending", "needs_attention→pending", "failed→pending", "ignored→pending"])
    expect(allowed(at("importing", { leaseLive: true }), "pending", "admin_retry")).toBe(false)
    expect(importStatusTransition(at("imported"), "pending", "admin_retry")).toEqual({
      allowed: false,
      why: expect.stringMatching(/already imported/),
    })
  })

  it("lets a new SKU mapping release only orders waiting for it", () => {
    expect(movesOf("sku_mapped")).toEqual(["pending→pending", "needs_attention→pending"])
  })

  it("marks an unreadable order failed unless it was made in Medusa or is being imported", () => {
    expect(movesOf("unreadable")).toEqual(KASPI_IMPORT_STATUSES.map((s) => `${s}→failed`))
    expect(allowed(at("imported"), "failed", "unreadable")).toBe(false)
    expect(allowed(at("importing", { leaseLive: true }), "failed", "unreadable")).toBe(false)
  })

  it("treats imported and ignored as final for the claim, the attempt, its undo and a SKU mapping", () => {
    const automatic: KaspiImportActor[] = ["claim", "finish", "sku_mapped", "undo_claim"]
    for (const by of automatic) {
      for (const to of KASPI_IMPORT_STATUSES) {
        expect(allowed(at("imported"), to, by)).toBe(false)
        expect(allowed(at("ignored", { linked: false }), to, by)).toBe(false)
      }
    }
  })

  it("says which order and why when a move is refused, as a 400 for the admin", () => {
    const e = new KaspiImportTransitionError("kord_1", "finish cannot move an order from \"ignored\" to \"imported\"")
    expect(e.message).toBe('Kaspi order kord_1: finish cannot move an order from "ignored" to "imported"')
    expect(e.type).toBe("not_allowed")
    expect(e.kaspiOrderId).toBe("kord_1")
  })
})
