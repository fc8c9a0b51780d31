// CLI: start a Kaspi sandbox for the demo or for manual poking.
//   node -r ts-node/register/transpile-only sandbox/cli.ts --port 4010 --token test-token --orders 50 --stream 30
// (or: npm run sandbox -- --port 4010 --token test-token)

import { parseArgs } from "node:util"
import { startKaspiSandbox } from "./index"
import type { ContentSettingsInput, SkuInput, WindowRule, ZeroQuantityLines } from "./types"

const HELP = `Kaspi sandbox: a stand-in for the Kaspi.kz Shop API.

Options:
  --port <n>            port (default 4010; 0 = random)
  --host <h>            host (default 127.0.0.1)
  --token <t>           accepted X-Auth-Token; repeat for several merchant shops (default test-token)
  --merchant <id>       merchant id of the first token (default 30123456; next tokens get id+1, id+2 …)
  --seed <n>            PRNG seed (default 1)
  --orders <n>          seed n orders per token over the last 2 days (default 0)
  --skus <list>         SKUs for seeded orders: SKU1,SKU2 or SKU1:12990,SKU2:5490 (price in tenge)
  --stream <seconds>    add a new order (APPROVED_BY_BANK) every N seconds
  --waybill-delay <ms>  delay before a waybill appears after ASSEMBLE (default 1500)
  --allow-default-user-agent   turn the WAF quirk off
  --window-rule <r>     how the 14-day creationDate window is counted: almaty-days-inclusive (default) or ms
  --zero-quantity-lines <z>    remainedQuantity 0 keeps the line at quantity 0 (keep, default) or removes it
  --content-delay <ms>  product imports stay UPLOADED this long (sandbox clock; default 60000)
  --content-statuses <u,f,a>   the import status names (default UPLOADED,FINISHED,ABORTED; e.g. PROCESSING,COMPLETED,ERROR)
  --lenient             accept the old undocumented list forms (comma states …); for the sandbox's own tests only
  --quiet               do not log requests
  --help`

export function parseSkus(list: string, seed: number): SkuInput[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s, i) => {
      const [sku, price] = s.split(":")
      const p = price !== undefined && Number(price) > 0 ? Number(price) : 1000 + (((seed * 7919 + i * 104729) >>> 0) % 200) * 490
      return { sku, price: p }
    })
}

function choice<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(", ")}`)
  return value as T
}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`)
  return n
}

function contentOptions(delay: string | undefined, statuses: string | undefined): ContentSettingsInput {
  const content: ContentSettingsInput = {}
  if (delay !== undefined) content.processingDelayMs = intOption(delay, "content-delay", 0)
  if (statuses !== undefined) {
    const [uploaded, finished, aborted, ...rest] = statuses.split(",").map((s) => s.trim())
    if (!uploaded || !finished || !aborted || rest.length) throw new Error("--content-statuses takes three names: uploaded,finished,aborted")
    content.statusNames = { uploaded, finished, aborted }
  }
  return content
}

export async function main(argv: string[]): Promise<{ close(): Promise<void> }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      token: { type: "string", multiple: true },
      merchant: { type: "string" },
      seed: { type: "string" },
      orders: { type: "string" },
      skus: { type: "string" },
      stream: { type: "string" },
      "waybill-delay": { type: "string" },
      "allow-default-user-agent": { type: "boolean" },
      "window-rule": { type: "string" },
      "zero-quantity-lines": { type: "string" },
      "content-delay": { type: "string" },
      "content-statuses": { type: "string" },
      lenient: { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  })
  if (values.help) {
    console.log(HELP)
    return { close: async () => undefined }
  }
  const seed = intOption(values.seed, "seed", 1)
  const tokens = values.token && values.token.length > 0 ? values.token : ["test-token"]
  const sandbox = await startKaspiSandbox({
    port: intOption(values.port, "port", 4010),
    host: values.host,
    tokens,
    merchantId: values.merchant,
    seed,
    waybillDelayMs: intOption(values["waybill-delay"], "waybill-delay", 1500),
    rejectDefaultUserAgent: !values["allow-default-user-agent"],
    windowRule: choice<WindowRule>(values["window-rule"], "window-rule", ["almaty-days-inclusive", "ms"], "almaty-days-inclusive"),
    zeroQuantityLines: choice<ZeroQuantityLines>(values["zero-quantity-lines"], "zero-quantity-lines", ["keep", "remove"], "keep"),
    lenient: values.lenient === true,
    content: contentOptions(values["content-delay"], values["content-statuses"]),
    log: values.quiet ? undefined : (line) => console.log(`[kaspi-sandbox] ${line}`),
  })

  const count = intOption(values.orders, "orders", 0)
  const skus = values.skus ? parseSkus(values.skus, seed) : undefined
  if (count > 0) {
    tokens.forEach((token, i) => {
      const orders = sandbox.seedOrders({ count, token, skus, seed: seed * 1000 + i })
      console.log(`[kaspi-sandbox] seeded ${orders.length} orders for merchant ${sandbox.merchantIds[i]}`)
    })
  }

  let timer: NodeJS.Timeout | null = null
  const streamSeconds = intOption(values.stream, "stream", 0)
  if (streamSeconds > 0) {
    let n = 0
    timer = setInterval(() => {
      const token = tokens[n++ % tokens.length]
      const entries = skus ? [{ sku: skus[n % skus.length].sku, basePrice: skus[n % skus.length].price }] : undefined
      const o = sandbox.addOrder({ token, entries })
      console.log(`[kaspi-sandbox] new order ${o.code} (${o.deliveryMode}${o.isKaspiDelivery ? ", Kaspi Delivery" : ""}) for merchant ${o.merchantId}`)
    }, streamSeconds * 1000)
  }

  console.log(`Kaspi sandbox listening on ${sandbox.origin}`)
  console.log(`  apiUrl (plugin setting): ${sandbox.baseUrl}`)
  console.log(`  orders API:              ${sandbox.baseUrl}/v2/orders`)
  console.log(`  product content API:     ${sandbox.baseUrl}/products/classification/categories`)
  console.log(`  control API:             ${sandbox.origin}/__sandbox/health`)
  console.log(`  merchants:               ${sandbox.merchantIds.join(", ")} (${tokens.length} token${tokens.length === 1 ? "" : "s"} configured)`)
  if (values.lenient) console.log("  mode:                    LENIENT (undocumented list forms accepted; not Kaspi as documented)")

  const close = async () => {
    if (timer) clearInterval(timer)
    await sandbox.close()
  }
  return { close }
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then(({ close }) => {
      const stop = () => {
        close().then(() => process.exit(0), () => process.exit(1))
      }
      process.once("SIGINT", stop)
      process.once("SIGTERM", stop)
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e))
      process.exit(1)
    })
}
