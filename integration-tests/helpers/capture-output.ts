import { inspect } from "node:util"

/**
 * Records everything written to stdout and stderr (Medusa's logger, console)
 * while still letting it through, so a test can assert what never appears.
 */
export function captureOutput() {
  const chunks: string[] = []
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }
  const tap =
    (write: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"))
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    }
  process.stdout.write = tap(originals.out) as typeof process.stdout.write
  process.stderr.write = tap(originals.err) as typeof process.stderr.write
  const consoleMethods = ["log", "info", "warn", "error", "debug"] as const
  const savedConsole = consoleMethods.map((m) => console[m])
  for (const m of consoleMethods) {
    const original = console[m]
    console[m] = (...args: unknown[]) => {
      chunks.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" "))
      original(...args)
    }
  }
  return {
    text: () => chunks.join(""),
    restore: () => {
      process.stdout.write = originals.out
      process.stderr.write = originals.err
      consoleMethods.forEach((m, i) => (console[m] = savedConsole[i]))
    },
  }
}
