// The content API's configurable names and timings, and their checks (used by the options,
// the programmatic controls and the control API alike).

import type { ContentSettings, ContentSettingsInput, ContentSkuStates, ContentStatusNames } from "../types"

/** API.md a.14: the names the Rust clients handle (payload 12). [ETL]'s paraphrase says PROCESSING/COMPLETED/ERROR. */
export const DEFAULT_CONTENT_STATUS_NAMES: ContentStatusNames = { uploaded: "UPLOADED", finished: "FINISHED", aborted: "ABORTED" }

/**
 * Per-SKU `state` in `/products/import/result`: payload 12 shows FINISHED for an imported SKU;
 * no source shows the others, so ERROR, WARNING and SKIPPED are the sandbox's names.
 */
export const DEFAULT_CONTENT_SKU_STATES: ContentSkuStates = { success: "FINISHED", error: "ERROR", warning: "WARNING", skipped: "SKIPPED" }

/** No source says how long Kaspi takes; a minute of sandbox time makes a client poll (0 = done at the next read). */
export const DEFAULT_CONTENT_PROCESSING_DELAY_MS = 60_000

/** POST /products/import bodies above this are refused with 413: 10,000 products (payload 13's maximum) at ~3 kB each. */
export const DEFAULT_CONTENT_MAX_BODY_BYTES = 32 * 1024 * 1024

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = {
  statusNames: DEFAULT_CONTENT_STATUS_NAMES,
  skuStates: DEFAULT_CONTENT_SKU_STATES,
  processingDelayMs: DEFAULT_CONTENT_PROCESSING_DELAY_MS,
  maxBodyBytes: DEFAULT_CONTENT_MAX_BODY_BYTES,
}

function names<T extends object>(label: string, base: T, input: unknown): T {
  if (input === undefined) return { ...base }
  if (!input || typeof input !== "object" || Array.isArray(input)) throw new Error(`${label} must be an object`)
  const out = { ...base } as Record<string, string>
  for (const [key, value] of Object.entries(input)) {
    if (!(key in base)) throw new Error(`${label}: unknown key ${key}; use ${Object.keys(base).join(", ")}`)
    if (typeof value !== "string" || value.trim() === "") throw new Error(`${label}.${key} must be a non-empty string`)
    out[key] = value
  }
  if (new Set(Object.values(out)).size !== Object.keys(out).length) throw new Error(`${label} must all be different`)
  return out as T
}

function nonNegative(label: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new Error(`${label} must be a non-negative number`)
  return value
}

/** `base` with what `input` sets; throws (plain Error) naming the first bad field. */
export function mergeContentSettings(base: ContentSettings, input: ContentSettingsInput): ContentSettings {
  if (!input || typeof input !== "object") throw new Error("content settings must be an object")
  return {
    statusNames: names("statusNames", base.statusNames, input.statusNames),
    skuStates: names("skuStates", base.skuStates, input.skuStates),
    processingDelayMs: nonNegative("processingDelayMs", input.processingDelayMs, base.processingDelayMs),
    maxBodyBytes: nonNegative("maxBodyBytes", input.maxBodyBytes, base.maxBodyBytes),
  }
}
