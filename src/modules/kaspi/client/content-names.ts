/**
 * Kaspi's names for an import's status and a SKU's state, read into fixed unions. The sources
 * conflict (API.md a.14: UPLOADED/FINISHED/ABORTED in the Rust clients, PROCESSING/COMPLETED/ERROR
 * in [ETL]'s paraphrase), so the names are configurable; the defaults read both sets, which do
 * not overlap. A name in none of the groups reads as "unknown", never as a guess.
 */

export type KaspiImportStatus = "uploaded" | "finished" | "aborted" | "unknown"
/** A SKU's outcome in `/products/import/result`. */
export type KaspiImportSkuOutcome = "imported" | "error" | "warning" | "skipped" | "unknown"

type Known<T extends string> = Exclude<T, "unknown">
/** For each outcome, the names Kaspi may use for it (compared without regard to case). */
export type NameGroups<T extends string> = Record<Known<T>, readonly string[]>
/** What a caller configures: one name or several per outcome; the others keep their defaults. */
export type NameGroupsInput<T extends string> = Partial<Record<Known<T>, string | readonly string[]>>

export const DEFAULT_IMPORT_STATUS_NAMES: NameGroups<KaspiImportStatus> = {
  uploaded: ["UPLOADED", "PROCESSING"],
  finished: ["FINISHED", "COMPLETED"],
  aborted: ["ABORTED", "ERROR"],
}

/** Payload 12 shows FINISHED for an imported SKU (SUCCESS read too); no source shows the others' names. */
export const DEFAULT_SKU_STATE_NAMES: NameGroups<KaspiImportSkuOutcome> = {
  imported: ["FINISHED", "SUCCESS"],
  error: ["ERROR"],
  warning: ["WARNING"],
  skipped: ["SKIPPED"],
}

/** Reads Kaspi's names into one of the groups' keys; throws when the configuration is ambiguous. */
export class NameMap<T extends string> {
  private readonly byName = new Map<string, Known<T>>()

  constructor(label: string, defaults: NameGroups<T>, input: NameGroupsInput<T> = {}) {
    for (const key of Object.keys(input)) {
      if (!(key in defaults)) throw new TypeError(`${label}: unknown key "${key}"; use ${Object.keys(defaults).join(", ")}`)
    }
    for (const key of Object.keys(defaults) as Array<Known<T>>) {
      const given = input[key]
      const names = given === undefined ? defaults[key] : typeof given === "string" ? [given] : given
      if (names.length === 0) throw new TypeError(`${label}.${key} needs at least one name`)
      for (const name of names) {
        const normalized = name.trim().toUpperCase()
        if (!normalized) throw new TypeError(`${label}.${key}: names must not be empty`)
        const other = this.byName.get(normalized)
        if (other !== undefined && other !== key) throw new TypeError(`${label}: "${name}" is both ${other} and ${key}`)
        this.byName.set(normalized, key)
      }
    }
  }

  read(name: string | null | undefined): Known<T> | "unknown" {
    return (name && this.byName.get(name.trim().toUpperCase())) || "unknown"
  }
}
