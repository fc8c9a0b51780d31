import { randomBytes } from "node:crypto"

/** RELIABILITY_LONG=1: the issue's full sizes; default: the short variant that .ci/run runs. */
export const LONG = process.env.RELIABILITY_LONG === "1"

const base = LONG
  ? { instanceOrders: 1000, crashOrders: 400, crashKills: 10, faultOrders: 300, fuzzParserRuns: 20_000, fuzzImportRuns: 300 }
  : { instanceOrders: 100, crashOrders: 60, crashKills: 3, faultOrders: 40, fuzzParserRuns: 10_000, fuzzImportRuns: 150 }
/** Each size can be overridden (RELIABILITY_INSTANCE_ORDERS=50 …) for a quick local run. */
export const SIZES = Object.fromEntries(
  Object.entries(base).map(([k, v]) => [k, Number(process.env[`RELIABILITY_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`] || v)])
) as typeof base

/** The Kaspi token of the run: a value that must never show up anywhere but in the sandbox's check. */
export const SENTINEL_TOKEN = `kaspi-sentinel-${randomBytes(12).toString("hex")}`

export const RUN_ID = `${process.pid}_${Date.now().toString(36)}`
