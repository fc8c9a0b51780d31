/**
 * Feed bench: `npm run bench -- feed --variants 100000 --stores 3 --out /tmp/kaspi.xml`
 *
 * 1. Copies a migrated template database (kaspi_feed_bench_template, migrated
 *    once with `medusa db:migrate` and DATABASE_URL) to kaspi_feed_bench and
 *    seeds a catalog in bulk SQL (products × 2 variants, a KZT price each,
 *    inventory levels at --stores locations, Cyrillic titles with & and <).
 *    The seed is reused when the same size is asked again.
 * 2. Runs three measurements, each in its own Node process so RSS figures do
 *    not contaminate each other:
 *    - baseline: one plain SQL query reading the same rows (variant, product,
 *      price, stock per location) through knex;
 *    - build: the plugin's generateFeed() (paged SQL → map → validate → XML
 *      gzip stream + manifest), exactly what the workflow step runs;
 *    - dom: the same offers added to one in-memory xmlbuilder2 document.
 * 3. Prints ONE JSON line and writes the feed (uncompressed) to --out.
 */
import { spawnSync, execFileSync } from "node:child_process"
import { createReadStream, createWriteStream, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { pipeline } from "node:stream/promises"
import { createGunzip } from "node:zlib"
import { dbUrl, parseArgs } from "./lib/run-in-medusa"
import type { GeneratedFeed } from "../src/lib/feed/generate-feed"

type Args = Record<string, string>

function connect(db: string) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const knex = require("knex")
  return knex({ client: "pg", connection: dbUrl(db), pool: { min: 0, max: 4 } })
}

const STORE_ID = (s: number) => `PP${s}`
const LOCATION_ID = (s: number) => `sloc_bench_${s}`

function stores(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    store_id: STORE_ID(i + 1),
    stock_location_id: LOCATION_ID(i + 1),
    stock_buffer: i === 0 ? 1 : 0,
    pre_order_days: i === n - 1 ? 3 : null,
  }))
}

/**
 * The bench database is a copy of a migrated template (<db>_template, migrated
 * once with `medusa db:migrate`): a new size means drop and copy again (about a
 * second), because deleting 100k seeded rows through Medusa's foreign keys is
 * far slower than re-seeding.
 */
async function ensureTemplate(db: string): Promise<string> {
  const template = `${db}_template`
  const admin = connect("postgres")
  try {
    const exists = await admin.raw("SELECT 1 FROM pg_database WHERE datname = ?", [template])
    if (exists.rows.length) return template
    await admin.raw(`CREATE DATABASE "${template}"`)
  } finally {
    await admin.destroy()
  }
  process.stderr.write(`bench: running Medusa migrations on ${template} (once)…\n`)
  execFileSync("npx", ["medusa", "db:migrate"], {
    cwd: resolve(__dirname, ".."),
    env: { ...process.env, DATABASE_URL: dbUrl(template) },
    stdio: ["ignore", "ignore", "inherit"],
  })
  return template
}

async function seededSize(db: string): Promise<{ variants: number; stores: number } | null> {
  const admin = connect("postgres")
  try {
    if (!(await admin.raw("SELECT 1 FROM pg_database WHERE datname = ?", [db])).rows.length) return null
  } finally {
    await admin.destroy()
  }
  const k = connect(db)
  try {
    const r = await k.raw(
      `SELECT (SELECT count(*) FROM product_variant WHERE id LIKE 'variant\\_bench\\_%') AS v,
              (SELECT count(*) FROM stock_location WHERE id LIKE 'sloc\\_bench\\_%') AS s`
    )
    return { variants: Number(r.rows[0].v), stores: Number(r.rows[0].s) }
  } catch {
    return null
  } finally {
    await k.destroy()
  }
}

async function seed(db: string, variants: number, nStores: number): Promise<{ reused: boolean; seconds: number }> {
  const have = await seededSize(db)
  if (have && have.variants === variants && have.stores === nStores) return { reused: true, seconds: 0 }
  const t0 = Date.now()
  const template = await ensureTemplate(db)
  const admin = connect("postgres")
  try {
    await admin.raw(`DROP DATABASE IF EXISTS "${db}"`)
    await admin.raw(`CREATE DATABASE "${db}" TEMPLATE "${template}"`)
  } finally {
    await admin.destroy()
  }
  process.stderr.write(`bench: seeding ${variants} variants at ${nStores} stores…\n`)
  const k = connect(db)
  try {
    const products = Math.ceil(variants / 2)
    const pad = (x: string) => `lpad(${x}::text, 7, '0')`
    await k.transaction(async (t: any) => {
      await t.raw(`INSERT INTO sales_channel (id, name) VALUES ('sc_bench_kaspi', 'Kaspi (bench)')`)
      await t.raw(
        `INSERT INTO stock_location (id, name) SELECT 'sloc_bench_' || s, 'Bench store ' || s FROM generate_series(1, ?) s`,
        [nStores]
      )
      await t.raw(
        `INSERT INTO product (id, title, handle, status, metadata)
         SELECT 'prod_bench_' || ${pad("i")}, 'Смартфон «Модель ' || i || '» & Co <Pro> Қазақстан', 'bench-' || i, 'published',
                jsonb_build_object('brand', 'Brand ' || (i % 50))
           FROM generate_series(1, ?) i`,
        [products]
      )
      await t.raw(
        `INSERT INTO product_sales_channel (id, product_id, sales_channel_id)
         SELECT 'prodsc_bench_' || i, 'prod_bench_' || ${pad("i")}, 'sc_bench_kaspi' FROM generate_series(1, ?) i`,
        [products]
      )
      await t.raw(
        `INSERT INTO product_variant (id, title, sku, product_id, variant_rank)
         SELECT 'variant_bench_' || ${pad("j")}, 'Цвет ' || (j % 2) || ' "128 ГБ"', 'BENCH-' || j,
                'prod_bench_' || ${pad("((j + 1) / 2)")}, 0
           FROM generate_series(1, ?) j`,
        [variants]
      )
      await t.raw(
        `INSERT INTO inventory_item (id, sku) SELECT 'iitem_bench_' || ${pad("j")}, 'BENCH-' || j FROM generate_series(1, ?) j`,
        [variants]
      )
      await t.raw(
        `INSERT INTO product_variant_inventory_item (id, variant_id, inventory_item_id)
         SELECT 'pvitem_bench_' || j, 'variant_bench_' || ${pad("j")}, 'iitem_bench_' || ${pad("j")} FROM generate_series(1, ?) j`,
        [variants]
      )
      await t.raw(
        `INSERT INTO inventory_level (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity)
         SELECT 'ilev_bench_' || j || '_' || s, 'iitem_bench_' || ${pad("j")}, 'sloc_bench_' || s,
                (j * 7 + s * 13) % 40, j % 3
           FROM generate_series(1, ?) j, generate_series(1, ?) s`,
        [variants, nStores]
      )
      await t.raw(`INSERT INTO price_set (id) SELECT 'pset_bench_' || ${pad("j")} FROM generate_series(1, ?) j`, [variants])
      await t.raw(
        `INSERT INTO product_variant_price_set (id, variant_id, price_set_id)
         SELECT 'pvps_bench_' || j, 'variant_bench_' || ${pad("j")}, 'pset_bench_' || ${pad("j")} FROM generate_series(1, ?) j`,
        [variants]
      )
      await t.raw(
        `INSERT INTO price (id, price_set_id, currency_code, amount, raw_amount, rules_count)
         SELECT 'price_bench_' || j, 'pset_bench_' || ${pad("j")}, 'kzt', a, jsonb_build_object('value', a::text, 'precision', 20), 0
           FROM (SELECT j, 9990 + (j % 1000) * 150 + (j % 2) * 0.5 AS a FROM generate_series(1, ?) j) x`,
        [variants]
      )
    })
    await k.raw("ANALYZE")
    return { reused: false, seconds: (Date.now() - t0) / 1000 }
  } finally {
    await k.destroy()
  }
}

/** Peak RSS while `fn` runs, sampled every 5 ms (and at the end). */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; before_mb: number; peak_mb: number }> {
  if (global.gc) global.gc()
  const before = process.memoryUsage.rss()
  let peak = before
  const timer = setInterval(() => {
    const r = process.memoryUsage.rss()
    if (r > peak) peak = r
  }, 5)
  const t0 = process.hrtime.bigint()
  try {
    const result = await fn()
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9
    peak = Math.max(peak, process.memoryUsage.rss())
    return { result, seconds, before_mb: before / 2 ** 20, peak_mb: peak / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d

function benchSettings() {
  const { DEFAULT_FEED_SETTINGS } = require("../src/lib/feed/settings")
  return { ...DEFAULT_FEED_SETTINGS, sales_channel_ids: ["sc_bench_kaspi"] }
}

/** Child process: one measurement, printed as a JSON line. */
async function phase(name: string, a: Args): Promise<void> {
  const db = a.db
  const nStores = Number(a.stores)
  const k = connect(db)
  const settings = benchSettings()
  const st = stores(nStores)
  const header = { company: "Bench «Дүкен» & Co", merchantId: "30123456", date: "2026-11-29T12:00:00" }
  try {
    await k.raw("SELECT 1") // warm the pool outside the measurement
    if (name === "baseline") {
      const m = await measure(async () => {
        const r = await k.raw(
          `SELECT v.id, v.sku, v.title, p.title AS product_title, p.metadata, pr.amount,
                  il.location_id, il.stocked_quantity, il.reserved_quantity
             FROM product_variant v
             JOIN product p ON p.id = v.product_id AND p.deleted_at IS NULL AND p.status = 'published'
             JOIN product_variant_price_set pvps ON pvps.variant_id = v.id AND pvps.deleted_at IS NULL
             JOIN price pr ON pr.price_set_id = pvps.price_set_id AND pr.deleted_at IS NULL
                  AND pr.currency_code = 'kzt' AND pr.price_list_id IS NULL AND pr.rules_count = 0
             LEFT JOIN product_variant_inventory_item pvi ON pvi.variant_id = v.id AND pvi.deleted_at IS NULL
             LEFT JOIN inventory_level il ON il.inventory_item_id = pvi.inventory_item_id AND il.deleted_at IS NULL
                  AND il.location_id = ANY(?::text[])
            WHERE v.deleted_at IS NULL`,
          [st.map((s) => s.stock_location_id)]
        )
        return r.rows.length
      })
      const { readCatalogPages } = require("../src/lib/feed/read-catalog")
      const paged = await measure(async () => {
        let n = 0
        for await (const page of readCatalogPages(k, settings, { locationIds: st.map((s) => s.stock_location_id) })) n += page.length
        return n
      })
      console.log(JSON.stringify({ phase: name, rows: m.result, seconds: m.seconds, rss_growth_mb: m.peak_mb - m.before_mb, paged_read_seconds: paged.seconds, paged_variants: paged.result }))
    } else if (name === "build") {
      const { generateFeed } = require("../src/lib/feed/generate-feed")
      const m = await measure<GeneratedFeed>(() => generateFeed({ db: k, settings, stores: st, header, name: `bench-${process.pid}`, dir: a.tmp }))
      const g = m.result
      console.log(
        JSON.stringify({
          phase: name,
          seconds: m.seconds,
          before_mb: m.before_mb,
          peak_rss_mb: m.peak_mb,
          rss_growth_mb: m.peak_mb - m.before_mb,
          offers: g.stats.offers,
          skipped: g.stats.skipped,
          warnings: g.stats.warnings,
          bytes: g.bytes,
          gzip_bytes: g.gzip_bytes,
          xml_gz_path: g.xml_gz_path,
          manifest_gz_path: g.manifest_gz_path,
        })
      )
    } else if (name === "dom") {
      const { create } = require("xmlbuilder2")
      const { readCatalogPages } = require("../src/lib/feed/read-catalog")
      const { mapVariantToOffer } = require("../src/lib/feed/map-variant-to-offer")
      const { validateOffer } = require("../src/lib/feed/validate-offer")
      const m = await measure(async () => {
        const doc = create({ version: "1.0", encoding: "utf-8" })
        const root = doc.ele("kaspiShopping", "kaspi_catalog", { date: header.date })
        root.ele("company").txt(header.company)
        root.ele("merchantid").txt(header.merchantId)
        const offers = root.ele("offers")
        const vctx = { skuMaxLength: settings.sku_max_length, knownStoreIds: new Set(st.map((s) => s.store_id)), seenSkus: new Set<string>() }
        for await (const page of readCatalogPages(k, settings, { locationIds: st.map((s) => s.stock_location_id) })) {
          for (const row of page) {
            const mapped = mapVariantToOffer(row, { settings, stores: st })
            if (mapped.kind !== "offer" || !validateOffer(mapped.offer, vctx).ok) continue
            const o = mapped.offer
            const el = offers.ele("offer", { sku: o.sku })
            el.ele("model").txt(o.model)
            if (o.brand !== undefined) el.ele("brand").txt(o.brand)
            const av = el.ele("availabilities")
            for (const x of o.availabilities) {
              const attrs: Record<string, string> = { available: x.available, storeId: x.storeId }
              if (x.stockCount !== undefined) attrs.stockCount = String(x.stockCount)
              if (x.preOrder !== undefined) attrs.preOrder = String(x.preOrder)
              av.ele("availability", attrs)
            }
            el.ele("price").txt(String(o.price))
          }
        }
        return doc.end({ prettyPrint: true }).length
      })
      console.log(JSON.stringify({ phase: name, seconds: m.seconds, rss_growth_mb: m.peak_mb - m.before_mb, chars: m.result }))
    }
  } finally {
    await k.destroy()
  }
}

function runPhase(name: string, a: Args): any {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", resolve(__dirname, "../scripts/bench.js"), "feed", "--phase", name, "--db", a.db, "--stores", a.stores, "--tmp", a.tmp],
    { encoding: "utf8", env: process.env, maxBuffer: 16 * 2 ** 20 }
  )
  if (r.status !== 0) throw new Error(`bench phase ${name} failed:\n${r.stderr}`)
  const line = r.stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop()
  return JSON.parse(line!)
}

export async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv)
  a.db = a.db || "kaspi_feed_bench"
  a.stores = a.stores || "3"
  a.tmp = a.tmp || tmpdir()
  if (a.phase) {
    await phase(a.phase, a)
    return 0
  }
  const variants = Number(a.variants || 100000)
  const nStores = Number(a.stores)
  const out = resolve(a.out || join(tmpdir(), `kaspi-feed-bench-${variants}.xml`))
  const seeded = await seed(a.db, variants, nStores)

  // --repeat N: baseline and build alternate N times and the medians are reported,
  // so a burst of load on a shared machine does not decide the ratio.
  const repeat = Math.max(1, Number(a.repeat || 1))
  const baselines: any[] = []
  const builds: any[] = []
  for (let i = 0; i < repeat; i++) {
    baselines.push(runPhase("baseline", a))
    const b = runPhase("build", a)
    if (builds.length) {
      rmSync(b.xml_gz_path, { force: true })
      rmSync(b.manifest_gz_path, { force: true })
    }
    builds.push(b)
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
  const baseline = { ...baselines[0], seconds: median(baselines.map((x) => x.seconds)), paged_read_seconds: median(baselines.map((x) => x.paged_read_seconds)) }
  const build = {
    ...builds[0],
    seconds: median(builds.map((x) => x.seconds)),
    peak_rss_mb: Math.max(...builds.map((x) => x.peak_rss_mb)),
    rss_growth_mb: Math.max(...builds.map((x) => x.rss_growth_mb)),
  }
  const ratios = builds.map((b, i) => b.seconds / baselines[i].seconds)
  const dom = a["skip-dom"] === "true" ? null : runPhase("dom", a)

  await pipeline(createReadStream(build.xml_gz_path), createGunzip(), createWriteStream(out))
  rmSync(build.xml_gz_path, { force: true })
  rmSync(build.manifest_gz_path, { force: true })

  const result = {
    bench: "feed",
    variants,
    stores: nStores,
    offers: build.offers,
    skipped: build.skipped,
    seconds: round(build.seconds),
    peak_rss_mb: round(build.peak_rss_mb, 1),
    rss_growth_mb: round(build.rss_growth_mb, 1),
    bytes: build.bytes,
    gzip_bytes: build.gzip_bytes,
    baseline_seconds: round(baseline.seconds),
    baseline_rows: baseline.rows,
    baseline_rss_growth_mb: round(baseline.rss_growth_mb, 1),
    paged_read_seconds: round(baseline.paged_read_seconds),
    ratio: round(build.seconds / baseline.seconds),
    repeat,
    ratios: ratios.map((r) => round(r)),
    load_avg_1m: round(Number(require("node:fs").readFileSync("/proc/loadavg", "utf8").split(" ")[0]), 1),
    dom_seconds: dom ? round(dom.seconds) : null,
    dom_rss_growth_mb: dom ? round(dom.rss_growth_mb, 1) : null,
    dom_to_stream_rss_ratio: dom ? round(dom.rss_growth_mb / Math.max(build.rss_growth_mb, 1), 1) : null,
    seeded_seconds: round(seeded.seconds),
    seed_reused: seeded.reused,
    out,
    out_bytes: statSync(out).size,
  }
  console.log(JSON.stringify(result))
  return 0
}
