import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import type { DeliveryMode, KaspiSandbox, SandboxOrder } from "../../../sandbox/types"
import type KaspiModuleService from "../../../src/modules/kaspi/service"
import type { KaspiActionPayload } from "../../../src/lib/actions/kaspi-actions"
import { ALL_ORDER_STATES, syncKaspiOrders } from "../../../src/lib/sync/sync-kaspi-orders"
import { drainKaspiOutbox } from "../../../src/lib/outbox/drain-kaspi-outbox"
import { requestKaspiActionWorkflow } from "../../../src/workflows/request-kaspi-action"
import { reconcileKaspiOrder } from "../../../src/lib/agreement/reconcile-kaspi-order"
import type { Crash, Fault, History, MerchantStep, Step } from "./history"
import { usualNextStep } from "./lifecycle"
import { judgeAgreement } from "./judge"
import { readMedusaOrder } from "./read-medusa-order"
import { bump, type AgreementTally } from "./tally"

export const ACCOUNT = "default"
export const CATALOG = [
  { sku: "AGR-CASE", title: "Чехол", price: 3500 },
  { sku: "AGR-CABLE", title: "Кабель USB-C", price: 1990 },
  { sku: "AGR-GLASS", title: "Защитное стекло", price: 2490 },
]

export interface HistoryWorld {
  container: MedusaContainer
  api: AxiosInstance
  admin: { headers: { authorization: string } }
  kaspi: KaspiModuleService
  sandbox: KaspiSandbox
  tally: AgreementTally
}

const DELIVERY: Record<History["setup"]["delivery"], { deliveryMode: DeliveryMode; isKaspiDelivery: boolean }> = {
  pickup: { deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: false },
  kaspi_delivery: { deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true },
  local_delivery: { deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: false },
}
/** Rounds of (outbox job, poll) the drain allows before it calls the order stuck. */
const DRAIN_ROUNDS = 6
/** Kaspi's actions that happen at most once per order: a second one taken would be a duplicate. */
const ONCE = ["ACCEPTED_BY_MERCHANT", "CANCELLED", "COMPLETED", "ASSEMBLE", "ARRIVED", "ARRIVED_BACKWARD"]

/**
 * Runs one history on a new Kaspi order and drains it; returns what still
 * disagrees (with the order's code), [] when both sides agree or a
 * disagreement is flagged and traced to Kaspi refusing.
 */
export async function runHistory(w: HistoryWorld, h: History, index: number): Promise<string[]> {
  const { sandbox, kaspi, tally } = w
  const requestsBefore = sandbox.requests().length
  sandbox.setFaults({ rate: 0, kinds: [] })
  // Each order in a window of its own, so the sync reads only this history's order.
  sandbox.advanceClock(10_000)
  const created = sandbox.now() - 5_000
  const order = sandbox.addOrder({
    code: String(800_000_000 + index),
    status: h.setup.status,
    ...DELIVERY[h.setup.delivery],
    storeId: "PP1",
    preOrder: h.setup.preOrder,
    creationDate: created,
    entries: h.setup.lines.map((quantity, i) => ({ sku: CATALOG[i].sku, quantity, basePrice: CATALOG[i].price })),
  })
  const sync = () => syncKaspiOrders(w.container, { accountId: ACCOUNT, from: created - 1_000, to: created + 1_000, states: ALL_ORDER_STATES })
  await sync()
  const [row] = await kaspi.listKaspiOrders({ code: order.code })
  if (row?.import_status !== "imported") return [`${order.code}: not imported (${row?.import_status ?? "not seen"}: ${row?.import_reason ?? ""})`]
  tally.histories += 1

  for (const step of h.steps) {
    tally.steps += 1
    const fault: Fault | undefined = "fault" in step ? step.fault : undefined
    if (fault) sandbox.setFaults({ rate: 1, kinds: [fault] })
    try {
      await runStep(w, step, order.code, row.id, row.order_id as string, sync)
    } finally {
      if (fault) sandbox.setFaults({ rate: 0, kinds: [] })
    }
  }

  // The drain: Kaspi answers again; the outbox job (every backoff run out) and the poll run until nothing is on its way.
  for (let round = 0; round < DRAIN_ROUNDS; round++) {
    await expireBackoffs(kaspi, row.id)
    await drainKaspiOutbox(w.container)
    await sync()
    const open = await kaspi.listKaspiActions({ kaspi_order_id: row.id, status: ["pending", "sending"] })
    if (!open.length) break
  }

  const requests = sandbox.requests().slice(requestsBefore)
  tally.kaspi_requests += requests.length
  for (const r of requests) if (r.fault) bump(tally.faults, r.fault)
  const taken = sandbox.actions().filter((a) => a.code === order.code && a.result === "ok")
  tally.kaspi_actions_taken += taken.length
  const problems: string[] = []
  for (const name of ONCE) {
    const n = taken.filter((a) => a.action === name).length
    if (n > 1) problems.push(`Kaspi took ${name} ${n} times`)
  }

  let disagree = await judge(w, order.code, row.id, row.order_id as string)
  if (disagree.length && !(await tracedFlag(w, order.code, row.id))) {
    // What the outbox and the sync left, reconciliation (the job, the button) repairs from Kaspi's side.
    const r = await reconcileKaspiOrder(w.container, row.id).catch((e: Error) => ({ repaired: [], error: e.message }))
    if (r.repaired.length) tally.repairs += 1
    disagree = await judge(w, order.code, row.id, row.order_id as string)
  }
  const [after] = await kaspi.listKaspiOrders({ id: row.id })
  const flag = after.disagreement as { kind: string; action_id?: string; action?: string; said?: string } | null
  if (flag) {
    const traced = await tracedFlag(w, order.code, row.id)
    if (traced) tally.flags.push({ code: order.code, refused_by: traced, action: flag.action, said: flag.said })
    else problems.push(`flagged "${flag.kind}" without a Kaspi refusal behind it: ${JSON.stringify(flag)}`)
  } else problems.push(...disagree)
  if (problems.length) tally.disagreements += 1
  return problems.map((p) => `${order.code}: ${p}`)
}

async function judge(w: HistoryWorld, code: string, kaspiOrderId: string, orderId: string): Promise<string[]> {
  const kaspiSide = w.sandbox.getOrder(code) as SandboxOrder
  const [ledger] = await w.kaspi.listKaspiOrders({ id: kaspiOrderId })
  return judgeAgreement(kaspiSide, await readMedusaOrder(w.container, orderId), ledger?.status ?? null)
}

/**
 * A standing flag is excused only when it names a refusal: Kaspi refused the
 * very action it names (the sandbox recorded the refusal, the outbox row says
 * so), or Kaspi's rules refused it before sending (the order's history says
 * so). Returns who refused, or null.
 */
async function tracedFlag(w: HistoryWorld, code: string, kaspiOrderId: string): Promise<"kaspi" | "rules" | null> {
  const [row] = await w.kaspi.listKaspiOrders({ id: kaspiOrderId })
  const flag = row?.disagreement as { kind: string; action_id?: string; action?: string } | null
  if (!flag || flag.kind !== "kaspi_refused") return null
  if (!flag.action_id) {
    const events = await w.kaspi.listKaspiEvents({ kaspi_order_id: kaspiOrderId, type: `action.${flag.action}` })
    return events.some((e) => (e.data as { code?: string } | null)?.code === "action.not_requested") ? "rules" : null
  }
  const [action] = await w.kaspi.listKaspiActions({ id: flag.action_id })
  if (action?.status !== "failed") return null
  return w.sandbox.actions().some((a) => a.code === code && a.result === "rejected") ? "kaspi" : null
}

async function expireBackoffs(kaspi: KaspiModuleService, kaspiOrderId: string) {
  const rows = await kaspi.listKaspiActions({ kaspi_order_id: kaspiOrderId, status: ["pending", "sending"] })
  await Promise.all(rows.map((r) => kaspi.updateKaspiActions({ id: r.id, next_attempt_at: new Date(0), lease_until: new Date(0) })))
}

async function runStep(w: HistoryWorld, given: Step, code: string, kaspiOrderId: string, orderId: string, sync: () => Promise<unknown>) {
  const { sandbox, tally } = w
  let step: Step | null = given
  if (given.kind === "next") {
    const usual = usualNextStep(sandbox.getOrder(code) as SandboxOrder)
    step = usual && { ...usual, ...("crash" in given ? { crash: given.crash } : {}) }
    if (!step) return
  }
  switch (step.kind) {
    case "kaspi":
    case "kaspi_line": {
      const event = step.kind === "kaspi_line" ? "cabinet_cancel_entry" : step.event
      const options =
        step.kind === "kaspi_line"
          ? { entryIndex: step.entry % sandbox.getOrder(code)!.entries.length, remainedQuantity: step.remained }
          : "immediate" in step
            ? { immediate: step.immediate }
            : {}
      try {
        sandbox.trigger(code, event, options)
        bump(tally.kaspi_events, event)
      } catch {
        tally.kaspi_events_impossible += 1
      }
      return
    }
    case "sync":
      await sync().catch(() => undefined)
      return
    case "drain":
      await expireBackoffs(w.kaspi, kaspiOrderId)
      await drainKaspiOutbox(w.container).catch(() => undefined)
      return
    case "time":
      sandbox.advanceClock(3600_000)
      return
    case "medusa_cancel":
      return medusaCancel(w, orderId, kaspiOrderId)
    default:
      return merchantAction(w, step as MerchantStep & { crash?: Crash }, code, kaspiOrderId)
  }
}

/** Cancelled on Medusa's own order screen: Medusa first, then the order.canceled subscriber asks Kaspi. */
async function medusaCancel(w: HistoryWorld, orderId: string, kaspiOrderId: string) {
  bump(w.tally.actions, "medusa_cancel")
  const since = new Date()
  try {
    await cancelOrderWorkflow(w.container).run({ input: { order_id: orderId } })
  } catch {
    bump(w.tally.answers, "medusa_refused")
    return
  }
  bump(w.tally.answers, "medusa_canceled")
  // The event reaches the plugin's subscriber after the workflow: wait (at most 5 s) until it has
  // touched the outbox or the history and is no longer sending. (TestEventUtils' waiter cannot be used
  // here: one left waiting after Medusa refused a cancel would swallow the next cancel's event.)
  for (let i = 0; i < 100; i++) {
    const rows = await w.kaspi.listKaspiActions({ kaspi_order_id: kaspiOrderId, action: "cancel", updated_at: { $gte: since } })
    const logged = (await w.kaspi.listKaspiEvents({ kaspi_order_id: kaspiOrderId, type: "action.cancel", created_at: { $gte: since } })).length
    const sending = rows.some((r) => r.status === "sending" && r.lease_until && new Date(r.lease_until).getTime() > Date.now())
    if ((rows.length || logged) && !sending) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

function payloadOf(step: MerchantStep, kaspiOrder: SandboxOrder): KaspiActionPayload | null {
  switch (step.kind) {
    case "accept":
      return { action: "accept" }
    case "cancel":
      return { action: "cancel", reason: step.reason }
    case "cancel_entry": {
      const entry = kaspiOrder.entries[step.entry % kaspiOrder.entries.length]
      return { action: "cancel_entry", entry_id: entry.id, remained_quantity: step.remained, reason: step.reason }
    }
    case "assemble":
      return { action: "assemble", number_of_space: step.places }
    case "send_code":
      return { action: "send_code" }
    case "complete": {
      const right = kaspiOrder.securityCode ?? "1234"
      const wrong = String((Number(right) + 1) % 10 ** right.length).padStart(right.length, "0")
      return { action: "complete", security_code: step.code === "right" ? right : wrong }
    }
    case "arrived":
      return { action: "arrived" }
    case "return_received":
      return { action: "arrived_backward" }
    default:
      return null
  }
}

let clicks = 0

/**
 * The merchant's click: through the admin route as the widget sends it, or,
 * when Medusa "restarts" half-way, the request workflow alone (the intent
 * recorded, never sent) or the row claimed and its sender gone (the lease
 * runs out): the outbox job must finish both.
 */
async function merchantAction(w: HistoryWorld, step: MerchantStep & { crash?: "before_send" | "while_sending" }, code: string, kaspiOrderId: string) {
  const { tally } = w
  const payload = payloadOf(step, w.sandbox.getOrder(code) as SandboxOrder)
  if (!payload) return
  bump(tally.actions, step.kind === "complete" ? `complete_${step.code}_code` : step.kind)
  const idempotencyKey = payload.action === "send_code" ? `agreement-click-${++clicks}` : undefined
  if (!step.crash) {
    const res = await w.api.post(`/admin/kaspi/orders/${kaspiOrderId}/actions`, payload, {
      headers: { ...w.admin.headers, ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
      validateStatus: () => true,
    })
    bump(tally.answers, res.status === 400 ? "refused_by_rules" : (res.data?.action?.status ?? `http_${res.status}`))
    return
  }
  bump(tally.restarts, step.crash)
  let id: string
  try {
    const { result } = await requestKaspiActionWorkflow(w.container).run({
      input: { kaspi_order: kaspiOrderId, payload, origin: "admin", idempotency_key: idempotencyKey },
    })
    id = result.id
  } catch {
    bump(tally.answers, "refused_by_rules")
    return
  }
  bump(tally.answers, "recorded_then_restart")
  if (step.crash === "while_sending") {
    const claimed = await w.kaspi.claimKaspiActions({ ids: [id], limit: 1, leaseSeconds: 600 })
    // The sender died holding the lease: it runs out without an answer from Kaspi.
    if (claimed.length) await w.kaspi.updateKaspiActions({ id, lease_until: new Date(0) })
  }
}
