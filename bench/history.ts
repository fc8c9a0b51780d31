/**
 * History bench: `npm run bench -- history [--small 1000] [--large 100000] [--reps 7]
 *   [--medusa-orders 100] [--only op1,op2] [--keep-db]`
 *
 * How the store-side cost grows with a year of history (issue #16). A Medusa
 * app booted with `medusa exec` (bench/history-exec.ts, this repository's
 * medusa-config.ts, the plugin from source) on a fresh database, with the
 * Kaspi sandbox of bench/lib/run-in-medusa.ts, empty: every tick finds nothing
 * new, so what is timed is the database side. For each size the plugin's
 * tables are filled in bulk SQL (bench/lib/history-seed.ts: 300 orders a day,
 * 10 events and 2 actions per order, 50 feed builds) and a few real Medusa
 * orders (createOrderWorkflow) are linked to Kaspi orders as the import links
 * them; then the operations run in rounds, each once a round: 2 rounds
 * untimed, `--reps` rounds timed, the median of each kept (a burst of
 * background work then costs one round of every operation, not every run of
 * one).
 *
 * Admin routes are called in process, not over HTTP: the route's own
 * middlewares (the zod validators of src/api) then its handler
 * (bench/lib/call-admin-route.ts). HTTP, auth and JSON encoding cost the same
 * at any size and would only blur the ratio.
 *
 * Prints ONE JSON line per operation — {"bench":"history","op",ms_1k,ms_100k,ratio}
 * (the keys name the sizes given) — then a summary line with the worst ratio.
 */
import { parseArgs, runInMedusa } from "./lib/run-in-medusa"

const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n))

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  const small = Number(args.small ?? 1000)
  const large = Number(args.large ?? 100_000)
  const line = await runInMedusa({
    bench: "history",
    script: "bench/history-exec.ts",
    args: [`${small},${large}`, String(Number(args.reps ?? 7)), String(Number(args["medusa-orders"] ?? 100)), args.only ?? "-"],
    db: args.db ?? "kaspi_history_bench",
    keepDb: args["keep-db"] === "true",
  })
  const out = JSON.parse(line) as { seeds: Record<string, unknown>; results: Record<string, Record<string, number>> }
  const [s, l] = [label(small), label(large)]
  let worst = { op: "", ratio: 0 }
  for (const op of Object.keys(out.results[small])) {
    const a = out.results[small][op]
    const b = out.results[large][op]
    const ratio = +(b / a).toFixed(2)
    if (ratio > worst.ratio) worst = { op, ratio }
    process.stdout.write(JSON.stringify({ bench: "history", op, [`ms_${s}`]: a, [`ms_${l}`]: b, ratio }) + "\n")
  }
  process.stdout.write(
    JSON.stringify({ bench: "history", summary: true, worst_op: worst.op, worst_ratio: worst.ratio, seeds: out.seeds }) + "\n"
  )
  return 0
}
