/**
 * Runs inside `medusa exec` (see bench/actions.ts). Imports the orders first
 * (not measured), then triggers each action the way a merchant would and reads
 * from the sandbox when it received the call.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, createInventoryLevelsWorkflow, createOrderFulfillmentWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { KASPI_MODULE } from "../src/modules/kaspi"
import type KaspiModuleService from "../src/modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../src/lib/sync/ensure-kaspi-account-setup"
import { ALL_ORDER_STATES, syncKaspiOrders } from "../src/lib/sync/sync-kaspi-orders"
import { requestKaspiAction } from "../src/lib/outbox/request-kaspi-action"

type Kind = "accept" | "cancel" | "assemble"
const SANDBOX_ACTION: Record<Kind, string> = { accept: "ACCEPTED_BY_MERCHANT", cancel: "CANCELLED", assemble: "ASSEMBLE" }

async function sandbox(path: string, body?: unknown) {
  const res = await fetch(`${process.env.KASPI_SANDBOX_ORIGIN}/__sandbox${path}`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

export default async function run({ container, args }: { container: MedusaContainer; args: string[] }) {
  const perKind = Number(args[0] ?? 100)
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const setup = await ensureKaspiAccountSetup(container, "default")
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Bench product",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profiles[0]?.id,
          options: [{ title: "Default", values: ["Default"] }],
          variants: [{ title: "Default", sku: "BENCH-A", options: { Default: "Default" }, prices: [{ currency_code: "kzt", amount: 5000 }] }],
        },
      ],
    },
  })
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { sku: "BENCH-A" } })
  await createInventoryLevelsWorkflow(container).run({
    input: { inventory_levels: [{ inventory_item_id: variants[0].inventory_items[0].inventory_item_id, location_id: setup.stock_location_id, stocked_quantity: 1_000_000 }] },
  })

  const now = Date.now()
  const plan: Array<{ kind: Kind; code: string }> = []
  for (const kind of ["accept", "cancel", "assemble"] as Kind[]) {
    for (let i = 0; i < perKind; i++) {
      const o = await sandbox("/orders", {
        status: kind === "accept" ? "APPROVED_BY_BANK" : "ACCEPTED_BY_MERCHANT",
        deliveryMode: kind === "assemble" ? "DELIVERY_REGIONAL_TODOOR" : "DELIVERY_PICKUP",
        isKaspiDelivery: kind === "assemble",
        deliveryCost: 0,
        creationDate: now - 3_600_000 + plan.length,
        entries: [{ sku: "BENCH-A", quantity: 1, basePrice: 5000 }],
      })
      plan.push({ kind, code: (o.order ?? o).code })
    }
  }
  await syncKaspiOrders(container, { accountId: "default", from: now - 2 * 3_600_000, to: Date.now(), states: ALL_ORDER_STATES })
  const rows = new Map((await kaspi.listKaspiOrders({ account_id: "default" }, { take: 100_000 })).map((r) => [r.code, r]))
  const eventBus = container.resolve(Modules.EVENT_BUS)

  const started = new Map<string, number>()
  for (const { kind, code } of plan) {
    const row = rows.get(code)!
    started.set(code, Date.now())
    if (kind === "accept") {
      await requestKaspiAction(container, { kaspi_order: row.id, payload: { action: "accept" }, origin: "admin" })
    } else if (kind === "cancel") {
      await cancelOrderWorkflow(container).run({ input: { order_id: row.order_id as string } })
    } else {
      const { data } = await query.graph({ entity: "order", fields: ["items.*"], filters: { id: row.order_id } })
      await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: row.order_id as string, items: data[0].items.map((i: any) => ({ id: i.id, quantity: i.quantity })), location_id: setup.stock_location_id },
      })
    }
  }
  // Subscribers run after their event: wait until the sandbox has every call (or 60 s).
  const deadline = Date.now() + 60_000
  let received: Array<{ code: string; action: string; at: number; result: string }> = []
  while (Date.now() < deadline) {
    received = (await sandbox("/actions")).actions
    const got = new Set(received.filter((a) => a.result === "ok").map((a) => `${a.code}:${a.action}`))
    if (plan.every((p) => got.has(`${p.code}:${SANDBOX_ACTION[p.kind]}`))) break
    await new Promise((r) => setTimeout(r, 200))
  }
  void eventBus

  const latencies: Record<Kind, number[]> = { accept: [], cancel: [], assemble: [] }
  let missing = 0
  let duplicates = 0
  for (const p of plan) {
    const hits = received.filter((a) => a.code === p.code && a.action === SANDBOX_ACTION[p.kind] && a.result === "ok")
    if (!hits.length) missing += 1
    if (hits.length > 1) duplicates += 1
    if (hits.length) latencies[p.kind].push((hits[0].at - started.get(p.code)!) / 1000)
  }
  const all = Object.values(latencies).flat()
  const stats = (xs: number[]) => ({ n: xs.length, p50_s: +pct(xs, 50).toFixed(3), p95_s: +pct(xs, 95).toFixed(3), max_s: +Math.max(...xs).toFixed(3) })
  process.stdout.write(
    JSON.stringify({
      bench: "actions",
      actions: all.length,
      p50_latency_s: +pct(all, 50).toFixed(3),
      p95_latency_s: +pct(all, 95).toFixed(3),
      max_latency_s: +Math.max(...all).toFixed(3),
      missing,
      duplicates,
      by_kind: { accept: stats(latencies.accept), cancel: stats(latencies.cancel), assemble: stats(latencies.assemble) },
    }) + "\n"
  )
}
