// Product imports (API.md a.14): received UPLOADED, processed when the sandbox clock passes their
// due time (the configured delay after upload), then FINISHED with per-SKU results or ABORTED
// with a description. Each merchant shop has its own imports and its own cards.

import type { SandboxClock } from "../clock"
import { mixSeed, mulberry32, type Rng } from "../prng"
import type {
  ContentImportRecord,
  ContentImportResult,
  ContentSettings,
  ContentSettingsInput,
  ContentSkuOutcome,
  ContentSkuResult,
} from "../types"
import { checkProduct } from "./check-product"
import { importSchemaProblem } from "./schema-check"
import { mergeContentSettings } from "./settings"

interface SkuOutcome {
  outcome: ContentSkuOutcome
  errors: string[]
  warnings: string[]
}

type StoredImport = Pick<ContentImportRecord, "code" | "merchantId" | "receivedAt" | "dueAt" | "contentType" | "body" | "phase"> & {
  /** decided on upload: the schema problem that will abort it */
  schemaProblem: string | null
  outcomes?: Map<string, SkuOutcome>
}

type Product = { sku: string; category: string; attributes: Array<{ code: string; value: unknown }> }

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

export class ContentStore {
  private imports = new Map<string, StoredImport>()
  /** merchantId → sku → the product JSON its card was last created from (for SKIPPED) */
  private cards = new Map<string, Map<string, string>>()
  private settings!: ContentSettings
  private rng!: Rng

  constructor(
    private readonly clock: SandboxClock,
    private readonly initial: ContentSettings,
    private readonly seed: number
  ) {
    this.reset()
  }

  reset(): void {
    this.imports = new Map()
    this.cards = new Map()
    this.settings = clone(this.initial)
    this.rng = mulberry32(mixSeed(this.seed, 0xc0de))
  }

  getSettings(): ContentSettings {
    return clone(this.settings)
  }

  setSettings(input: ContentSettingsInput): ContentSettings {
    this.settings = mergeContentSettings(this.settings, input)
    return this.getSettings()
  }

  /** Takes a parsed JSON body as a new import (the answer is always UPLOADED, API.md a.14). */
  submit(merchantId: string, body: unknown, contentType: string): StoredImport {
    let code: string
    do code = this.newCode()
    while (this.imports.has(code))
    const now = this.clock.now()
    const imp: StoredImport = {
      code,
      merchantId,
      receivedAt: now,
      dueAt: now + this.settings.processingDelayMs,
      contentType,
      body,
      schemaProblem: importSchemaProblem(body),
      phase: "uploaded",
    }
    this.imports.set(code, imp)
    return imp
  }

  /** The merchant's import by its code (another shop's imports are not found), processed if due. */
  find(merchantId: string, code: string): StoredImport | undefined {
    const imp = this.imports.get(code)
    if (!imp || imp.merchantId !== merchantId) return undefined
    this.settle(imp)
    return imp
  }

  /** Processes every import whose time has come (called on each clock step and before reads). */
  settleDue(): void {
    for (const imp of this.imports.values()) this.settle(imp)
  }

  statusOf(imp: StoredImport): { code: string; status: string; description?: string } {
    const status = this.settings.statusNames[imp.phase]
    return imp.phase === "aborted" && imp.schemaProblem ? { code: imp.code, status, description: imp.schemaProblem } : { code: imp.code, status }
  }

  /** The result of a FINISHED import; undefined before that (and for ABORTED ones). */
  resultOf(imp: StoredImport): ContentImportResult | undefined {
    if (imp.phase !== "finished" || !imp.outcomes) return undefined
    const states = this.settings.skuStates
    const count = (o: ContentSkuOutcome) => [...imp.outcomes!.values()].filter((x) => x.outcome === o).length
    const result: Record<string, ContentSkuResult> = {}
    for (const [sku, o] of imp.outcomes) {
      const r: ContentSkuResult = { state: states[o.outcome] }
      if (o.errors.length) r.errors = [...o.errors]
      if (o.warnings.length) r.warnings = [...o.warnings]
      result[sku] = r
    }
    return { errors: count("error"), warnings: count("warning"), skipped: count("skipped"), total: (imp.body as unknown[]).length, result }
  }

  list(): ContentImportRecord[] {
    this.settleDue()
    return [...this.imports.values()].map((imp) => {
      const { status, description } = this.statusOf(imp)
      const result = this.resultOf(imp)
      const rec: ContentImportRecord = {
        code: imp.code,
        merchantId: imp.merchantId,
        receivedAt: imp.receivedAt,
        dueAt: imp.dueAt,
        contentType: imp.contentType,
        body: clone(imp.body),
        phase: imp.phase,
        status,
      }
      if (description !== undefined) rec.description = description
      if (result) rec.result = result
      return rec
    })
  }

  private newCode(): string {
    let s = ""
    for (let i = 0; i < 12; i++) s += Math.floor(this.rng() * 16).toString(16)
    return s
  }

  private settle(imp: StoredImport): void {
    if (imp.phase !== "uploaded" || this.clock.now() < imp.dueAt) return
    if (imp.schemaProblem) {
      imp.phase = "aborted"
      return
    }
    imp.outcomes = this.process(imp.merchantId, imp.body as Product[])
    imp.phase = "finished"
  }

  private process(merchantId: string, products: Product[]): Map<string, SkuOutcome> {
    let cards = this.cards.get(merchantId)
    if (!cards) this.cards.set(merchantId, (cards = new Map()))
    const times = new Map<string, number>()
    for (const p of products) times.set(p.sku, (times.get(p.sku) ?? 0) + 1)
    const outcomes = new Map<string, SkuOutcome>()
    for (const p of products) {
      if (outcomes.has(p.sku)) continue
      if (times.get(p.sku)! > 1) {
        outcomes.set(p.sku, { outcome: "error", errors: [`SKU "${p.sku}" is given ${times.get(p.sku)} times in the file`], warnings: [] })
        continue
      }
      const json = JSON.stringify(p)
      if (cards.get(p.sku) === json) {
        // Nothing to change: the card is the one this shop's last import of the SKU created.
        outcomes.set(p.sku, { outcome: "skipped", errors: [], warnings: [] })
        continue
      }
      const { errors, warnings } = checkProduct(p)
      const outcome: ContentSkuOutcome = errors.length ? "error" : warnings.length ? "warning" : "success"
      if (outcome !== "error") cards.set(p.sku, json)
      outcomes.set(p.sku, { outcome, errors, warnings })
    }
    return outcomes
  }
}

export type { StoredImport }
