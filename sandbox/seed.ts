// Deterministic bulk order generator. The output depends only on the SeedInput (and its seed):
// dates, people, addresses, entries, codes and ids are all drawn from one mulberry32 stream.

import { DEFAULT_CATALOG } from "./kazakh-data"
import { assignIdentity, buildOrder, catalogFromSkus, type StoreInfo } from "./order-factory"
import { mulberry32, randInt, type Rng } from "./prng"
import type { SandboxOrder, SeedInput } from "./types"

const DAY = 24 * 60 * 60 * 1000
export const MAX_SEED_COUNT = 10_000

/** Internal order number for a code: a bijection (code < p), so ids are unique whenever codes are. */
export function orderNoForCode(code: string): number {
  const p = 1_000_000_007
  return (Number(code) * 7919) % p
}

export function randomHex(rng: Rng, length: number): string {
  let s = ""
  while (s.length < length) s += Math.floor(rng() * 16).toString(16)
  return s
}

export function newWaybillFrom(rng: Rng): { token: string; number: string } {
  return { token: randomHex(rng, 32), number: String(randInt(rng, 100_000_000, 999_999_999)) }
}

export interface SeedContext {
  merchantId: string
  seed: number
  now: number
  storeInfo(storeId: string): StoreInfo
  /** true when a code is already used in the sandbox */
  codeTaken(code: string): boolean
}

export function validateSeedInput(input: SeedInput): string | null {
  if (!input || typeof input !== "object") return "seed input must be an object"
  if (!Number.isInteger(input.count) || input.count < 0 || input.count > MAX_SEED_COUNT) {
    return `count must be an integer between 0 and ${MAX_SEED_COUNT}`
  }
  if (input.from !== undefined && !Number.isFinite(input.from)) return "from must be a timestamp in ms"
  if (input.to !== undefined && !Number.isFinite(input.to)) return "to must be a timestamp in ms"
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) return "from must not be after to"
  if (input.skus !== undefined) {
    if (!Array.isArray(input.skus) || input.skus.length === 0) return "skus must be a non-empty array"
    for (const s of input.skus) {
      if (!s || typeof s.sku !== "string" || s.sku === "") return "every sku needs a non-empty sku string"
      if (typeof s.price !== "number" || !(s.price > 0)) return `sku ${s.sku}: price must be a positive number`
    }
  }
  if (input.stores !== undefined && (!Array.isArray(input.stores) || input.stores.length === 0 || input.stores.some((s) => typeof s !== "string" || s === ""))) {
    return "stores must be a non-empty array of store ids"
  }
  return validateMix(input.mix)
}

const DELIVERY_KINDS = ["pickup", "merchantDelivery", "kaspiDelivery", "postomat", "regionalTodoor", "regionalPickup"]
const STATUSES = ["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT", "COMPLETED", "CANCELLED", "CANCELLING", "KASPI_DELIVERY_RETURN_REQUESTED", "RETURN_ACCEPTED_BY_MERCHANT", "RETURNED"]

function validateWeights(name: string, table: unknown, keys: string[]): string | null {
  if (table === undefined) return null
  if (!table || typeof table !== "object") return `mix.${name} must be an object of weights`
  const entries = Object.entries(table as Record<string, unknown>)
  for (const [k, w] of entries) {
    if (!keys.includes(k)) return `mix.${name}: unknown key ${k}; use ${keys.join(", ")}`
    if (typeof w !== "number" || !(w >= 0)) return `mix.${name}.${k} must be a non-negative number`
  }
  if (!entries.some(([, w]) => (w as number) > 0)) return `mix.${name} needs at least one positive weight`
  return null
}

function validateMix(mix: SeedInput["mix"]): string | null {
  if (mix === undefined) return null
  if (!mix || typeof mix !== "object") return "mix must be an object"
  for (const p of ["preOrder", "signatureRequired", "credit"] as const) {
    const v = mix[p]
    if (v !== undefined && (typeof v !== "number" || !(v >= 0 && v <= 1))) return `mix.${p} must be a probability between 0 and 1`
  }
  return validateWeights("deliveryModes", mix.deliveryModes, DELIVERY_KINDS) ?? validateWeights("statuses", mix.statuses, STATUSES)
}

export function generateOrders(input: SeedInput, ctx: SeedContext): SandboxOrder[] {
  const rng = mulberry32(ctx.seed)
  const to = input.to ?? ctx.now
  const from = input.from ?? to - 2 * DAY
  const stores = input.stores ?? ["PP1", "PP2"]
  const catalog = input.skus ? catalogFromSkus(input.skus) : DEFAULT_CATALOG

  const orders: SandboxOrder[] = []
  for (let i = 0; i < input.count; i++) {
    const creationDate = from + Math.floor(rng() * (to - from + 1))
    orders.push(
      buildOrder(
        { creationDate },
        {
          merchantId: ctx.merchantId,
          rng,
          now: ctx.now,
          storeInfo: ctx.storeInfo,
          catalog,
          randomizeProgress: true,
          mix: input.mix,
          stores,
          newWaybill: () => newWaybillFrom(rng),
        }
      )
    )
  }
  // Kaspi codes grow with time: draw increasing codes, then hand them out by creationDate.
  const sorted = orders
    .map((o, i) => ({ o, i }))
    .sort((a, b) => a.o.creationDate - b.o.creationDate || a.i - b.i)
    .map((x) => x.o)
  let code = randInt(rng, 300_000_000, 700_000_000)
  const used = new Set<string>()
  for (const o of sorted) {
    code += randInt(rng, 1, 4_000)
    let candidate = String(code)
    while (ctx.codeTaken(candidate) || used.has(candidate)) {
      code += 1
      candidate = String(code)
    }
    used.add(candidate)
    assignIdentity(o, orderNoForCode(candidate), candidate)
  }
  return sorted
}
