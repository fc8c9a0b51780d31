/**
 * Kaspi load bench (issue #16 item 2): `npm run bench -- kaspi-load [--minutes 20] [--orders-per-day 300]
 * [--seed 1] [--option key=value …] [--sandbox-port 4710] [--tail-minutes 5] [--rebuild]`
 *
 * Kaspi publishes no rate limit and has no webhooks: the plugin polls (API.md a.1: one state per
 * request, creationDate windows ≤ 14 days, pages ≤ 100). This counts what a busy shop's plugin
 * sends and reads at its DEFAULT settings, and how long a change made on Kaspi takes to show in
 * Medusa. Real parts only: the sandbox over HTTP (in this process), PostgreSQL, and a Medusa app
 * under `medusa start` with the plugin's scheduled jobs on their own schedules.
 *
 * The shop: 14 days × orders-per-day in the sandbox, a few hundred open. The plugin must already
 * know them (else the run measures a first import): preparation lets it import the open ones and
 * a sample of 40 through its own poll, completes the sample on Kaspi and lets the plugin follow,
 * then adds the rest (archived before the plugin saw them) to the sandbox and as `kaspi_order`
 * rows in SQL. That database is kept as a PostgreSQL template keyed by the seed, the shop size and
 * the plugin's source, so the next run starts in seconds: the world is rebuilt from the seed
 * around the new "now" and the template's dates are moved by as much.
 *
 * During the run: ~1 change a minute on open orders (buyer/Kaspi cancels, Kaspi completing a
 * Kaspi Delivery order, an accept in Kaspi's cabinet, a signature), ~1 every 2 minutes on archived
 * ones (a return requested on a completed order), a new order every 86 400/orders-per-day s; no
 * changes in the last --tail-minutes, so a late one is not counted missed for want of time.
 * Prints ONE JSON line.
 */
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { startKaspiSandbox, type KaspiSandbox, type RecordedRequest, type SandboxOrder } from "../sandbox"
import { dbUrl } from "./lib/run-in-medusa"
import { makeAppDir, medusaEnv, PLUGIN_ROOT, runMedusa, sleep, startMedusa, waitFor } from "./lib/medusa-app"
import { buildArchivedPart, buildOpenPart, completeSample, mulberry32, BENCH_SKUS, type World, type WorldSpec } from "./lib/kaspi-load-world"

const TOKEN = "kaspi-load-bench-token"
/** The bench's own calls to the Kaspi API (an accept "in the cabinet") carry this and are not counted. */
const CABINET_UA = "kaspi-load-bench-cabinet/1.0"
const ACCOUNT = "default"
const DAY = 86_400_000
const TEMPLATE_VERSION = 1
const LOG_DIR = path.join(PLUGIN_ROOT, "test-artifacts", "bench")

function parse(argv: string[]) {
  const a: Record<string, string> = {}
  const options: Record<string, unknown> = {}
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith("--")) continue
    let [k, v] = argv[i].slice(2).split(/=(.*)/s, 2)
    if (v === undefined) v = argv[i + 1] !== undefined && !argv[i + 1].startsWith("--") ? argv[++i] : "true"
    if (k === "option") {
      const [ok, ov] = v.split(/=(.*)/s, 2)
      if (!ok || ov === undefined) throw new Error(`--option wants key=value, got ${v}`)
      options[ok] = /^-?\d+(\.\d+)?$/.test(ov) ? Number(ov) : ov === "true" ? true : ov === "false" ? false : ov
    } else a[k] = v
  }
  return { a, options }
}

const log = (m: string) => process.stderr.write(`[kaspi-load ${new Date().toISOString().slice(11, 19)}] ${m}\n`)
const psql = (sql: string, db = "postgres") => execFileSync("psql", [dbUrl(db), "-qtAc", sql], { stdio: ["ignore", "pipe", "pipe"] }).toString().trim()

/** The plugin's source and the world's code: a template made from other code is not reused. */
function sourceHash(): string {
  const h = createHash("sha256")
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== "__tests__" && e.name !== "node_modules" && e.name !== "admin") walk(p)
      } else if (/\.(ts|js|json)$/.test(e.name)) h.update(path.relative(PLUGIN_ROOT, p)).update(fs.readFileSync(p))
    }
  }
  for (const d of ["src", "sandbox"]) walk(path.join(PLUGIN_ROOT, d))
  for (const f of ["bench/lib/kaspi-load-world.ts", "bench/kaspi-load-prep.ts", "bench/lib/kaspi-load-app/medusa-config.ts"]) h.update(fs.readFileSync(path.join(PLUGIN_ROOT, f)))
  return h.digest("hex")
}

const codesHash = (orders: SandboxOrder[]) =>
  createHash("sha256")
    .update(orders.map((o) => `${o.code}:${o.id}:${o.status}:${o.state}:${o.totalPrice}:${o.assembled}:${o.kaspiDelivery?.waybillToken ?? ""}`).join("\n"))
    .digest("hex")
    .slice(0, 16)

async function pg(db: string): Promise<Client> {
  const c = new Client({ connectionString: dbUrl(db) })
  await c.connect()
  return c
}

/**
 * `kaspi_order` rows for orders archived before the plugin first saw them, as its poll would have
 * left them once imported (order_id stays null: no Medusa order is needed to measure the reads).
 * The columns compared on every read (status, state, total, assembled, waybill) are Kaspi's.
 */
async function insertArchivedRows(db: Client, sb: KaspiSandbox, orders: SandboxOrder[]): Promise<void> {
  for (let i = 0; i < orders.length; i += 500) {
    const rows = orders.slice(i, i + 500).map((o, j) => {
      const wb = o.kaspiDelivery?.waybillToken ? `${sb.baseUrl}/waybill/${o.kaspiDelivery.waybillToken}` : null
      return [
        `kord_bench${String(i + j).padStart(6, "0")}`,
        o.id,
        o.code,
        o.state,
        o.status,
        o.deliveryMode,
        o.isKaspiDelivery,
        o.preOrder,
        o.assembled,
        o.totalPrice,
        o.deliveryCost,
        o.cancellationReason ?? null,
        wb,
        new Date(o.creationDate).toISOString(),
        new Date(o.approvedByBankDate).toISOString(),
      ]
    })
    const params: unknown[] = []
    const values = rows.map((r) => {
      const base = params.length
      params.push(...r)
      const p = (k: number) => `$${base + k}`
      return `(${p(1)}, '${ACCOUNT}', ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}::numeric, jsonb_build_object('value', ${p(10)}::numeric::text, 'precision', 20), ${p(11)}::numeric, jsonb_build_object('value', ${p(11)}::numeric::text, 'precision', 20), ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)}, 'imported', 1, '{}'::jsonb)`
    })
    await db.query(
      `insert into kaspi_order (id, account_id, kaspi_id, code, state, status, delivery_mode, is_kaspi_delivery, pre_order, assembled, total_price, raw_total_price, delivery_cost, raw_delivery_cost, cancellation_reason, waybill_url, kaspi_created_at, kaspi_approved_at, import_status, attempts, raw) values ${values.join(", ")}`,
      params
    )
  }
}

async function prepare(opts: { sb: KaspiSandbox; spec: WorldSpec; appDir: string; env: NodeJS.ProcessEnv; template: string; port: number }) {
  const { sb, spec } = opts
  const prepDb = "kaspi_load_prep"
  psql(`drop database if exists "${prepDb}" with (force)`)
  psql(`create database "${prepDb}"`)
  const env = { ...opts.env, DATABASE_URL: dbUrl(prepDb) }
  log("preparing: migrations, account setup, catalog")
  await runMedusa(opts.appDir, ["db:migrate"], env, path.join(LOG_DIR, "kaspi-load-prep.log"))
  await runMedusa(opts.appDir, ["exec", path.join(PLUGIN_ROOT, "bench/kaspi-load-prep.ts")], env, path.join(LOG_DIR, "kaspi-load-prep.log"))

  sb.reset()
  const { open, sample } = buildOpenPart(sb, spec)
  const visible = [...open, ...sample]
  log(`preparing: the plugin imports ${visible.length} open orders through its own poll`)
  // Faster polling only while preparing (the run itself uses the defaults).
  const app = await startMedusa(opts.appDir, opts.port, { ...env, KASPI_BENCH_ORDER_OPTIONS: JSON.stringify({ pollIntervalSeconds: 10, statusSyncIntervalSeconds: 30 }) }, path.join(LOG_DIR, "kaspi-load-prep.log"))
  const db = await pg(prepDb)
  try {
    const codes = visible.map((o) => o.code)
    await waitFor(
      "the open orders to be imported",
      async () => {
        const r = await db.query(`select import_status, count(*)::int n from kaspi_order where code = any($1) group by 1`, [codes])
        const by = Object.fromEntries(r.rows.map((x) => [x.import_status, x.n]))
        log(`  ${JSON.stringify(by)}`)
        return r.rows.filter((x) => x.import_status !== "pending" && x.import_status !== "importing").reduce((s, x) => s + x.n, 0) >= codes.length
      },
      { timeoutMs: 40 * 60_000, everyMs: 10_000 }
    )
    completeSample(sb, sample)
    log(`preparing: ${sample.length} Kaspi Delivery orders completed on Kaspi; waiting for the plugin to follow`)
    const sampleCodes = sample.map((o) => o.code)
    await waitFor(
      "the sample to be completed in Medusa",
      async () => {
        const r = await db.query(
          `select count(*)::int n from kaspi_order ko left join "order" o on o.id = ko.order_id
            where ko.code = any($1) and ko.status = 'COMPLETED' and (ko.order_id is null or o.metadata->>'kaspi_status' = 'COMPLETED')`,
          [sampleCodes]
        )
        return r.rows[0].n >= sampleCodes.length
      },
      { timeoutMs: 15 * 60_000, everyMs: 5_000 }
    )
  } finally {
    await app.stop()
  }
  const archived = buildArchivedPart(sb, spec, visible.length)
  log(`preparing: ${archived.length} archived orders inserted as already known`)
  await insertArchivedRows(db, sb, archived)
  const stats = (await db.query(`select import_status, count(*)::int n from kaspi_order group by 1`)).rows
  await db.end()
  psql(`drop database if exists "${opts.template}" with (force)`)
  psql(`create database "${opts.template}" template "${prepDb}"`)
  const meta = { v: TEMPLATE_VERSION, base: spec.base, world: codesHash([...visible, ...archived]), rows: stats }
  psql(`comment on database "${opts.template}" is '${JSON.stringify(meta)}'`)
  psql(`drop database if exists "${prepDb}" with (force)`)
  return meta
}

type Pending = { code: string; kind: "open" | "archived" | "new"; event: string; at: number; status?: string; state?: string; ageDays: number }

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : null)
function summary(delays: number[], missed: number) {
  const s = [...delays].sort((x, y) => x - y)
  const r = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10)
  return { n: delays.length + missed, p50: r(pct(s, 50)), p95: r(pct(s, 95)), max: r(s.length ? s[s.length - 1] : null), missed }
}

function kindOf(r: RecordedRequest): string {
  if (r.route === "GET /v2/orders") {
    const q = new URLSearchParams(r.query)
    if (q.has("filter[orders][code]")) return "by_code"
    return `list_${q.get("filter[orders][state]") ?? "(none)"}`
  }
  if (r.route === "GET /v2/orders/:id/entries") return "entries"
  if (r.method !== "GET") return "actions"
  return "other"
}

export async function main(argv: string[]): Promise<number> {
  const t0 = Date.now()
  const { a, options } = parse(argv)
  const minutes = Number(a.minutes ?? 20)
  const ordersPerDay = Number(a["orders-per-day"] ?? 300)
  const seed = Number(a.seed ?? 1)
  const tailMinutes = Number(a["tail-minutes"] ?? Math.min(5, minutes / 4))
  const sandboxPort = Number(a["sandbox-port"] ?? 4710)
  const appPort = Number(a["app-port"] ?? 9710)
  fs.mkdirSync(LOG_DIR, { recursive: true })

  // The waybill URLs Kaspi sends carry its host; a fixed port keeps them equal to the template's.
  const sb = await startKaspiSandbox({ port: sandboxPort, tokens: [TOKEN], seed, waybillDelayMs: 1000 })
  const { dir: appDir, remove } = makeAppDir()
  const env = medusaEnv({ KASPI_API_URL: sb.baseUrl, KASPI_API_TOKEN: TOKEN, KASPI_MERCHANT_ID: sb.merchantIds[0] })
  const key = createHash("sha256").update(JSON.stringify({ v: TEMPLATE_VERSION, seed, ordersPerDay, sandboxPort, src: sourceHash() })).digest("hex").slice(0, 12)
  const template = `kaspi_load_tpl_${key}`
  const runDb = "kaspi_load_run"
  let app: Awaited<ReturnType<typeof startMedusa>> | null = null
  try {
    let templateUsed = "reused"
    let metaText = psql(`select shobj_description(oid, 'pg_database') from pg_database where datname = '${template}'`)
    if (!metaText || a.rebuild === "true") {
      templateUsed = "built"
      const base = Math.floor(Date.now() / 1000) * 1000
      await prepare({ sb, spec: { base, ordersPerDay, seed }, appDir, env, template, port: appPort })
      metaText = psql(`select shobj_description(oid, 'pg_database') from pg_database where datname = '${template}'`)
    }
    const meta = JSON.parse(metaText)
    const prepSeconds = (Date.now() - t0) / 1000

    // The same world around a new "now"; the template's dates move by as much.
    const base = Math.floor(Date.now() / 1000) * 1000
    const spec: WorldSpec = { base, ordersPerDay, seed }
    sb.reset()
    const { open, sample } = buildOpenPart(sb, spec)
    completeSample(sb, sample)
    const archived = buildArchivedPart(sb, spec, open.length + sample.length)
    const world: World = { open, sample, archived }
    if (codesHash([...open, ...sample, ...archived]) !== meta.world) throw new Error("the sandbox world differs from the template's (not deterministic?); run with --rebuild")
    psql(`drop database if exists "${runDb}" with (force)`)
    psql(`create database "${runDb}" template "${template}"`)
    const db = await pg(runDb)
    const shift = `${base - meta.base} milliseconds`
    await db.query(
      `update kaspi_order set kaspi_created_at = kaspi_created_at + $1::interval, kaspi_approved_at = kaspi_approved_at + $1::interval, planned_delivery_at = planned_delivery_at + $1::interval`,
      [shift]
    )
    // Steady state: as if every read the poll keeps track of had just run. Every time column is
    // set, not a known list, so a redesigned sync state (other cursors) is treated the same way.
    const syncCols = (
      await db.query(
        `select column_name from information_schema.columns where table_name = 'kaspi_sync_state' and data_type like 'timestamp%' and column_name not in ('lease_until', 'created_at', 'updated_at', 'deleted_at')`
      )
    ).rows.map((r) => `"${r.column_name}" = case when "${r.column_name}" is null then null else now() end`)
    await db.query(`update kaspi_sync_state set ${[...syncCols, "lease_until = null", "lease_owner = null"].join(", ")}`)

    const runEnv = { ...env, DATABASE_URL: dbUrl(runDb), ...(Object.keys(options).length ? { KASPI_BENCH_ORDER_OPTIONS: JSON.stringify(options) } : {}) }
    log(`run: template ${templateUsed} (${template}); booting medusa start with ${JSON.stringify(options)}`)
    app = await startMedusa(appDir, appPort, runEnv, path.join(LOG_DIR, "kaspi-load-run.log"))
    const bootSeconds = app.bootMs / 1000

    const start = Date.now()
    const end = start + minutes * 60_000
    const injectUntil = end - tailMinutes * 60_000
    const rnd = mulberry32(seed * 31 + 17)
    // Change times: one at a random moment of each minute (open) / two minutes (archived).
    const slots = (every: number) => {
      const out: number[] = []
      for (let t = start; t + every <= injectUntil + 1; t += every) out.push(t + Math.floor(rnd() * every))
      return out.filter((t) => t < injectUntil)
    }
    const openTimes = slots(60_000)
    const archivedTimes = slots(120_000)
    const newEvery = DAY / ordersPerDay
    const newTimes: number[] = []
    for (let t = start + newEvery * (0.5 + rnd()) * 0.5; t < injectUntil; t += newEvery * (0.5 + rnd())) newTimes.push(Math.round(t))

    const openCodes = new Set(world.open.map((o) => o.code))
    const pending = new Map<string, Pending>()
    const done: Array<Pending & { seenAt: number }> = []
    const failures: string[] = []
    let newCount = 0

    const importedSet = async (codes: string[]) =>
      new Set((await db.query(`select code from kaspi_order where code = any($1) and import_status = 'imported' and order_id is not null`, [codes])).rows.map((r) => r.code as string))

    const cabinetAccept = async (o: SandboxOrder) => {
      const res = await fetch(`${sb.baseUrl}/v2/orders`, {
        method: "POST",
        headers: { Accept: "application/vnd.api+json", "Content-Type": "application/vnd.api+json", "X-Auth-Token": TOKEN, "User-Agent": CABINET_UA },
        body: JSON.stringify({ data: { type: "orders", id: o.id, attributes: { code: o.code, status: "ACCEPTED_BY_MERCHANT" } } }),
      })
      if (!res.ok) throw new Error(`cabinet accept ${o.code}: ${res.status} ${await res.text()}`)
    }

    const injectOpen = async () => {
      const candidates = [...openCodes].filter((c) => !pending.has(c)).map((c) => sb.getOrder(c)!).filter((o) => o.status === "APPROVED_BY_BANK" || o.status === "ACCEPTED_BY_MERCHANT")
      const known = await importedSet(candidates.map((o) => o.code))
      const pool = candidates.filter((o) => known.has(o.code))
      if (!pool.length) return failures.push("no open order to change")
      const o = pool[Math.floor(rnd() * pool.length)]
      const r = rnd()
      let event: string
      if (o.status === "APPROVED_BY_BANK" && o.state === "SIGN_REQUIRED") event = r < 0.6 ? "buyer_signs" : "buyer_cancel"
      else if (o.status === "APPROVED_BY_BANK") event = r < 0.5 ? "cabinet_accept" : r < 0.8 ? "buyer_cancel" : "kaspi_cancel_timeout"
      else if (!o.isKaspiDelivery) event = r < 0.6 ? "buyer_cancel" : "kaspi_cancel_timeout"
      else if (o.assembled) event = "kaspi_complete"
      else event = r < 0.5 ? "courier_cancel" : "buyer_cancel"
      const at = Date.now()
      if (event === "cabinet_accept") await cabinetAccept(o)
      else if (event === "kaspi_complete") {
        if (!o.kaspiDelivery?.courierTransmissionDate) sb.trigger(o.code, "courier_pickup")
        sb.trigger(o.code, "kaspi_complete")
      } else if (event === "buyer_signs") sb.trigger(o.code, "buyer_signs")
      else sb.trigger(o.code, event as "buyer_cancel", { immediate: true })
      const after = sb.getOrder(o.code)!
      pending.set(o.code, { code: o.code, kind: "open", event: `${o.state}:${event}`, at, status: after.status, state: after.state, ageDays: (at - o.creationDate) / DAY })
    }

    const injectArchived = async () => {
      const pool = world.sample.map((s) => sb.getOrder(s.code)!).filter((o) => o.status === "COMPLETED" && o.state === "ARCHIVE" && !pending.has(o.code))
      if (!pool.length) return failures.push("no archived order left to change")
      const o = pool[Math.floor(rnd() * pool.length)]
      const at = Date.now()
      sb.trigger(o.code, "return_requested")
      const after = sb.getOrder(o.code)!
      pending.set(o.code, { code: o.code, kind: "archived", event: "COMPLETED:return_requested", at, status: after.status, state: after.state, ageDays: (at - o.creationDate) / DAY })
    }

    const injectNew = () => {
      const lines = 1 + Math.floor(rnd() * 3)
      const entries = Array.from({ length: lines }, (_, j) => {
        const s = BENCH_SKUS[Math.floor(rnd() * BENCH_SKUS.length)]
        return { sku: s.sku, quantity: 1 + j, basePrice: s.price }
      }).filter((e, i, all) => all.findIndex((x) => x.sku === e.sku) === i)
      const at = Date.now()
      const o = sb.addOrder({ creationDate: sb.now(), entries, seed: seed * 1_000_003 + newCount++ })
      openCodes.add(o.code)
      pending.set(o.code, { code: o.code, kind: "new", event: "new_order", at, ageDays: 0 })
    }

    const watch = async () => {
      if (!pending.size) return
      const r = await db.query(
        `select ko.code, ko.status, ko.state, ko.import_status, ko.order_id, o.metadata->>'kaspi_status' mstatus
           from kaspi_order ko left join "order" o on o.id = ko.order_id where ko.account_id = $1 and ko.code = any($2)`,
        [ACCOUNT, [...pending.keys()]]
      )
      const now = Date.now()
      for (const row of r.rows) {
        const p = pending.get(row.code)!
        const seen =
          p.kind === "new"
            ? row.import_status === "imported" && row.order_id
            : row.status === p.status && row.state === p.state && (row.order_id == null || row.mstatus === p.status)
        if (seen) {
          pending.delete(row.code)
          done.push({ ...p, seenAt: now })
        }
      }
    }

    const queue = [
      ...openTimes.map((t) => ({ t, f: injectOpen })),
      ...archivedTimes.map((t) => ({ t, f: injectArchived })),
      ...newTimes.map((t) => ({ t, f: async () => injectNew() })),
    ].sort((x, y) => x.t - y.t)
    log(`run: ${minutes} min, ${openTimes.length} open / ${archivedTimes.length} archived changes and ${newTimes.length} new orders planned`)
    let lastWatch = 0
    let lastLog = start
    while (Date.now() < end) {
      while (queue.length && queue[0].t <= Date.now()) {
        const { f } = queue.shift()!
        await f().catch((e: Error) => failures.push(e.message))
      }
      if (Date.now() - lastWatch >= 1000) {
        lastWatch = Date.now()
        await watch().catch((e: Error) => failures.push(`watch: ${e.message}`))
      }
      if (Date.now() - lastLog >= 60_000) {
        lastLog = Date.now()
        log(`  ${Math.round((Date.now() - start) / 60_000)} min: ${done.length} seen, ${pending.size} waiting`)
      }
      await sleep(200)
    }
    const stop = Date.now()
    await app.stop()
    app = null
    await db.end()

    const counted = sb.requests().filter((r) => r.at >= start && r.at < stop && r.userAgent !== CABINET_UA)
    const hours = (stop - start) / 3_600_000
    const perHour = (n: number) => Math.round(n / hours)
    const byKind: Record<string, number> = {}
    const bytesByKind: Record<string, number> = {}
    let bytes = 0
    for (const r of counted) {
      const k = kindOf(r)
      byKind[k] = (byKind[k] ?? 0) + 1
      bytesByKind[k] = (bytesByKind[k] ?? 0) + (r.responseBytes ?? 0)
      bytes += r.responseBytes ?? 0
    }
    const statusSyncs = counted.filter((r) => kindOf(r) === "list_ARCHIVE" && new URLSearchParams(r.query).get("page[number]") === "0").length
    const delays = (kind: Pending["kind"]) => done.filter((d) => d.kind === kind).map((d) => (d.seenAt - d.at) / 1000)
    const missed = (kind: Pending["kind"]) => [...pending.values()].filter((p) => p.kind === kind)
    const line = {
      bench: "kaspi-load",
      minutes,
      orders_per_day: ordersPerDay,
      options,
      requests_per_hour: perHour(counted.length),
      by_kind: Object.fromEntries(Object.entries(byKind).sort().map(([k, n]) => [k, perHour(n)])),
      bytes_per_hour: perHour(bytes),
      mb_per_hour_by_kind: Object.fromEntries(Object.entries(bytesByKind).sort().map(([k, n]) => [k, Math.round((n / hours / 1e6) * 100) / 100])),
      open_delay_s: summary(delays("open"), missed("open").length),
      archived_delay_s: summary(delays("archived"), missed("archived").length),
      new_order_delay_s: summary(delays("new"), missed("new").length),
      missed: [...pending.values()].map((p) => ({ kind: p.kind, event: p.event, age_days: Math.round(p.ageDays * 10) / 10, waited_s: Math.round((stop - p.at) / 1000) })),
      changes_by_event: done.reduce<Record<string, number>>((m, d) => ((m[d.event] = (m[d.event] ?? 0) + 1), m), {}),
      status_syncs: statusSyncs,
      measured_requests: counted.length,
      measured_hours: Math.round(hours * 1000) / 1000,
      sandbox_orders: world.open.length + world.sample.length + world.archived.length + newCount,
      open_orders_at_start: world.open.length,
      template: templateUsed,
      prep_seconds: Math.round(prepSeconds),
      boot_seconds: Math.round(bootSeconds),
      total_seconds: Math.round((Date.now() - t0) / 1000),
      problems: failures.slice(0, 10),
    }
    process.stdout.write(JSON.stringify(line) + "\n")
    return 0
  } finally {
    if (app) await app.stop()
    await sb.close()
    remove()
    if (a["keep-db"] !== "true") psql(`drop database if exists "${runDb}" with (force)`)
  }
}
