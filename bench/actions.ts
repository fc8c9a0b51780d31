/**
 * Actions bench: `npm run bench -- actions --actions 200`
 *
 * The latency of "actions out": from the Medusa event or admin action to the
 * Kaspi sandbox receiving the call, at default settings (send immediately),
 * for N actions of each kind: accept (admin action workflow), cancel (a Medusa
 * order cancelled → order.canceled subscriber), assemble (a fulfilment of a
 * Kaspi Delivery order → order.fulfillment_created subscriber). Prints ONE
 * JSON line with p50/p95/max per kind and overall.
 */
import { parseArgs, runInMedusa } from "./lib/run-in-medusa"

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  const line = await runInMedusa({
    bench: "actions",
    script: "bench/actions-exec.ts",
    args: [String(Number(args.actions ?? 100))],
    db: args.db ?? "kaspi_actions_bench",
    keepDb: args["keep-db"] === "true",
  })
  process.stdout.write(line + "\n")
  return 0
}
