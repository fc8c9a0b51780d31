#!/usr/bin/env node
/**
 * medusa-plugin-kaspi-check: the Kaspi compatibility check at set-up time,
 * before or after installing the plugin, without a running store (no Medusa
 * container, no database). The same probes as Settings → Kaspi, through the
 * same client. The token is read from the environment only: on a command line
 * it would end up in the shell history and in `ps`.
 */
import { parseArgs } from "node:util"
import { CHECK_DEFAULTS, CheckRequestLog, checkClientOverrides, runKaspiProbes } from "../modules/kaspi/check"
import { DAY_MS, KASPI_WINDOW_MS, KASPI_WINDOW_OVERLAP_MS } from "../modules/kaspi/client/date-windows"
import { KaspiClient } from "../modules/kaspi/client/kaspi-client"
import { DEFAULT_API_URL, DEFAULT_TOKEN_ENV, DEFAULT_USER_AGENT } from "../modules/kaspi/options"
import { SecretToken } from "../modules/kaspi/secret"
import { formatCheck } from "./format-check"

const USAGE = `Usage: KASPI_API_TOKEN=… npx medusa-plugin-kaspi-check --merchant-id <id> [options]

Checks, read-only, that Kaspi's Shop API answers the request forms the plugin
relies on, from this machine. Nothing is changed on Kaspi.

  --merchant-id <id>         your shop ID in the Kaspi seller cabinet (required)
  --api-url <url>            Kaspi Shop API base (default ${DEFAULT_API_URL})
  --proxy-url <url>          HTTP(S) proxy for every request (e.g. one with a Kazakhstan exit)
  --token-env <NAME>         the environment variable holding the token (default ${DEFAULT_TOKEN_ENV})
  --timeout-ms <ms>          per request (default ${CHECK_DEFAULTS.timeoutMs})
  --latency-limit-ms <ms>    the median response time that still holds (default ${CHECK_DEFAULTS.latencyLimitMs})
  --window-days <1..14>      the date window to try, as the orders.windowDays option (default ${KASPI_WINDOW_MS / DAY_MS})
  --json                     print the result as JSON
  -h, --help                 this text

Exit code: 0 when every probe held, 1 when one failed or was skipped, 2 on a usage error.`

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
}

const defaultIo: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) }

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a whole number of milliseconds`)
  return n
}

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      options: {
        "merchant-id": { type: "string" },
        "api-url": { type: "string" },
        "proxy-url": { type: "string" },
        "token-env": { type: "string" },
        "timeout-ms": { type: "string" },
        "latency-limit-ms": { type: "string" },
        "window-days": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        // Accepted only to refuse it with a reason rather than "unknown option".
        token: { type: "string" },
      },
    }).values
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

/** Runs the check; resolves to the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = defaultIo): Promise<number> {
  let args: ReturnType<typeof parse>
  let timeoutMs: number | undefined
  let latencyLimitMs: number | undefined
  let windowDays: number | undefined
  try {
    args = parse(argv)
    if (args.help) {
      io.out(USAGE)
      return 0
    }
    if (args.token !== undefined) {
      throw new UsageError(`the token is read from the environment (${DEFAULT_TOKEN_ENV}, or --token-env), never from the command line`)
    }
    if (!args["merchant-id"]) throw new UsageError("--merchant-id is required")
    timeoutMs = positiveInt("timeout-ms", args["timeout-ms"])
    latencyLimitMs = positiveInt("latency-limit-ms", args["latency-limit-ms"])
    windowDays = args["window-days"] === undefined ? undefined : Number(args["window-days"])
    // API.md a.1: Kaspi's limit is 14 days; trying 14 here is how a merchant confirms orders.windowDays: 14.
    if (windowDays !== undefined && !(Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 14)) {
      throw new UsageError("--window-days must be a whole number from 1 to 14")
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.err(`medusa-plugin-kaspi-check: ${e.message}\n\n${USAGE}`)
    return 2
  }

  const tokenEnv = args["token-env"] ?? DEFAULT_TOKEN_ENV
  const value = env[tokenEnv]?.trim()
  if (!value) {
    io.err(`medusa-plugin-kaspi-check: set ${tokenEnv} to the shop's API token (Kaspi seller cabinet → Settings → API token)`)
    return 2
  }
  const token = new SecretToken(value)
  const apiUrl = args["api-url"] ?? DEFAULT_API_URL
  const merchantId = args["merchant-id"]
  const log = new CheckRequestLog()
  let client: KaspiClient
  try {
    client = new KaspiClient({
      baseUrl: apiUrl,
      token,
      merchantId,
      // The plugin's own User-Agent: Kaspi's firewall drops library defaults (API.md a.0).
      userAgent: DEFAULT_USER_AGENT,
      proxyUrl: args["proxy-url"],
      minRequestIntervalMs: 200,
      ...(windowDays ? { window: { maxMs: windowDays * DAY_MS, overlapMs: KASPI_WINDOW_OVERLAP_MS } } : {}),
      ...checkClientOverrides(timeoutMs ?? CHECK_DEFAULTS.timeoutMs, log),
    })
  } catch (e) {
    io.err(`medusa-plugin-kaspi-check: ${(e as Error).message}`)
    return 2
  }
  try {
    const result = await runKaspiProbes({ accountId: merchantId, client, log, options: { latencyLimitMs }, secrets: [token] })
    io.out(args.json ? JSON.stringify(result, null, 2) : formatCheck(result, { merchantId, apiUrl }))
    return result.ok ? 0 : 1
  } finally {
    await client.close()
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e) => {
      process.stderr.write(`medusa-plugin-kaspi-check: ${(e as Error)?.stack ?? String(e)}\n`)
      process.exitCode = 1
    }
  )
}
