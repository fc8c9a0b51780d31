// The Kaspi side of a busy shop for `npm run bench -- kaspi-load`, built in the sandbox from a
// seed and a base time only, so the same world can be built again on a later run (whose database
// comes from a cached template) and the plugin finds every order exactly as it left it.
import type { KaspiSandbox, SandboxOrder, SeedMix } from "../../sandbox"

export const BENCH_SKUS = Array.from({ length: 50 }, (_, i) => ({ sku: `KLOAD-${String(i + 1).padStart(3, "0")}`, price: 1000 + 370 * i }))

const DAY = 24 * 3_600_000
const HOUR = 3_600_000

export function mulberry32(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface WorldSpec {
  /** the shop's "now" when the world was made; every creationDate is relative to it */
  base: number
  ordersPerDay: number
  seed: number
}

export interface World {
  /** open orders the plugin imports through its own poll during preparation */
  open: SandboxOrder[]
  /** Kaspi Delivery orders imported open, then completed on Kaspi: they get the late changes */
  sample: SandboxOrder[]
  /** the rest of the 14 days, archived before the plugin ever saw them (rows inserted in SQL) */
  archived: SandboxOrder[]
}

/**
 * Open orders of a 300-a-day shop (issue #16 item 2): mostly accepted ones waiting for pickup,
 * delivery or Kaspi's courier, a few still waiting for the merchant or for the buyer's signature.
 */
function openGroups(scale: number): Array<{ name: string; count: number; days: number; mix: SeedMix }> {
  const n = (x: number) => Math.max(1, Math.round(x * scale))
  return [
    { name: "NEW", count: n(15), days: 0.25, mix: { statuses: { APPROVED_BY_BANK: 1 }, credit: 0 } },
    { name: "SIGN_REQUIRED", count: n(3), days: 0.25, mix: { statuses: { APPROVED_BY_BANK: 1 }, credit: 1, signatureRequired: 1 } },
    { name: "PICKUP", count: n(60), days: 4, mix: { statuses: { ACCEPTED_BY_MERCHANT: 1 }, deliveryModes: { pickup: 1 } } },
    { name: "DELIVERY", count: n(40), days: 3, mix: { statuses: { ACCEPTED_BY_MERCHANT: 1 }, deliveryModes: { merchantDelivery: 1 } } },
    {
      name: "KASPI_DELIVERY",
      count: n(150),
      days: 5,
      mix: { statuses: { ACCEPTED_BY_MERCHANT: 1 }, deliveryModes: { kaspiDelivery: 6, postomat: 2, regionalTodoor: 1, regionalPickup: 1 } },
    },
  ]
}

export const SAMPLE_SIZE = 40

/** Phase 1 (what the plugin imports while preparing): the open orders and the sample, still open. */
export function buildOpenPart(sb: KaspiSandbox, spec: WorldSpec): Pick<World, "open" | "sample"> {
  sb.setClock(spec.base)
  const scale = spec.ordersPerDay / 300
  const open: SandboxOrder[] = []
  openGroups(scale).forEach((g, i) => {
    open.push(
      ...sb.seedOrders({ count: g.count, seed: spec.seed * 1000 + i, skus: BENCH_SKUS, from: spec.base - g.days * DAY, to: spec.base - 60_000, mix: g.mix })
    )
  })
  const rnd = mulberry32(spec.seed * 7919 + 1)
  const sample: SandboxOrder[] = []
  for (let i = 0; i < SAMPLE_SIZE; i++) {
    // Spread over the 14 days like the shop's other completed orders: a return comes days after.
    const creationDate = Math.round(spec.base - 14 * DAY + HOUR + rnd() * (13 * DAY - HOUR))
    const lines = 1 + Math.floor(rnd() * 2)
    const entries = Array.from({ length: lines }, (_, j) => {
      const s = BENCH_SKUS[(i * 7 + j * 13) % BENCH_SKUS.length]
      return { sku: s.sku, quantity: 1 + (j % 2), basePrice: s.price }
    })
    sample.push(
      sb.addOrder({
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_LOCAL",
        isKaspiDelivery: true,
        assembled: true,
        numberOfSpace: 1,
        creationDate,
        approvedByBankDate: creationDate + 60_000,
        entries,
        seed: spec.seed * 100_000 + i,
      })
    )
  }
  sb.setClock(Date.now())
  return { open, sample }
}

/** Phase 2: Kaspi's courier takes each sample order and delivers it (COMPLETED, ARCHIVE). */
export function completeSample(sb: KaspiSandbox, sample: SandboxOrder[]): void {
  for (const o of sample) {
    sb.trigger(o.code, "courier_pickup")
    sb.trigger(o.code, "kaspi_complete")
  }
}

/** Phase 3: the rest of the 14 days, already archived (≈85 % completed, 8 % cancelled, 2 % returned). */
export function buildArchivedPart(sb: KaspiSandbox, spec: WorldSpec, already: number): SandboxOrder[] {
  sb.setClock(spec.base)
  const count = Math.max(0, Math.round(spec.ordersPerDay * 14) - already)
  const out: SandboxOrder[] = []
  // seedOrders takes at most 10 000 per call.
  for (let done = 0, i = 0; done < count; i++) {
    const n = Math.min(10_000, count - done)
    out.push(
      ...sb.seedOrders({
        count: n,
        seed: spec.seed * 1000 + 500 + i,
        skus: BENCH_SKUS,
        from: spec.base - 14 * DAY,
        to: spec.base - HOUR,
        mix: { statuses: { COMPLETED: 85, CANCELLED: 8, RETURNED: 2 } },
      })
    )
    done += n
  }
  sb.setClock(Date.now())
  return out
}
