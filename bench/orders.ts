/**
 * Orders bench: `npm run bench -- orders --orders 1000 [--keep-db]`
 *
 * Real parts only: the Kaspi sandbox over HTTP, PostgreSQL, and a Medusa app
 * booted with `medusa exec` from this repository's medusa-config.ts (the plugin
 * from source), on a fresh database. In the app (bench/orders-exec.ts): the
 * baseline — Medusa's own create-order → reserve → payment collection →
 * mark-paid chain for N orders of the same shape, no Kaspi — then the plugin's
 * import of N Kaspi orders from the sandbox (list pages + import workflow per
 * order). Prints ONE JSON line: orders, seconds, orders_per_s, kaspi_requests,
 * requests_per_order, baseline_seconds, ratio, peak_rss_mb, …
 */
import { parseArgs, runInMedusa } from "./lib/run-in-medusa"

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  const line = await runInMedusa({
    bench: "orders",
    script: "bench/orders-exec.ts",
    args: [String(Number(args.orders ?? 200))],
    db: args.db ?? "kaspi_orders_bench",
    keepDb: args["keep-db"] === "true",
  })
  process.stdout.write(line + "\n")
  return 0
}
