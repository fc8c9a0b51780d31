// Fault injection for /shop/api/** requests: deterministic dice from the seed.

import { mixSeed, mulberry32, type Rng } from "./prng"
import type { FaultConfig, FaultKind } from "./types"

export const FAULT_KINDS: readonly FaultKind[] = ["latency", "5xx", "429", "timeout", "html404", "malformed"]
export const DEFAULT_LATENCY_MS = 5000

export interface FaultDecision {
  kind: FaultKind
  /** for 5xx: which status */
  status?: 500 | 502 | 503
  latencyMs?: number
}

export function validateFaultConfig(input: unknown): { ok: true; config: FaultConfig } | { ok: false; error: string } {
  if (!input || typeof input !== "object") return { ok: false, error: "fault config must be an object" }
  const f = input as Record<string, unknown>
  const rate = f.rate
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) return { ok: false, error: "rate must be a number between 0 and 1" }
  const kinds = f.kinds === undefined ? (rate === 0 ? [] : null) : f.kinds
  if (!Array.isArray(kinds)) return { ok: false, error: `kinds must be an array of ${FAULT_KINDS.join(", ")}` }
  for (const k of kinds) {
    if (!(FAULT_KINDS as readonly unknown[]).includes(k)) return { ok: false, error: `unknown fault kind ${String(k)}; use ${FAULT_KINDS.join(", ")}` }
  }
  if (rate > 0 && kinds.length === 0) return { ok: false, error: "kinds must not be empty when rate > 0" }
  const latencyMs = f.latencyMs
  if (latencyMs !== undefined && (typeof latencyMs !== "number" || !(latencyMs >= 0))) return { ok: false, error: "latencyMs must be a non-negative number" }
  const routes = f.routes
  if (routes !== undefined && (!Array.isArray(routes) || routes.some((r) => typeof r !== "string"))) {
    return { ok: false, error: "routes must be an array of path prefixes" }
  }
  const config: FaultConfig = { rate, kinds: kinds as FaultKind[] }
  if (latencyMs !== undefined) config.latencyMs = latencyMs
  if (routes !== undefined) config.routes = routes as string[]
  return { ok: true, config }
}

export class FaultInjector {
  private config: FaultConfig = { rate: 0, kinds: [] }
  private rng: Rng

  constructor(private readonly seed: number) {
    this.rng = mulberry32(mixSeed(seed, 0xfa017))
  }

  set(config: FaultConfig): void {
    this.config = { ...config, kinds: [...config.kinds], routes: config.routes ? [...config.routes] : undefined }
  }

  get(): FaultConfig {
    const c: FaultConfig = { rate: this.config.rate, kinds: [...this.config.kinds] }
    if (this.config.latencyMs !== undefined) c.latencyMs = this.config.latencyMs
    if (this.config.routes) c.routes = [...this.config.routes]
    return c
  }

  reset(): void {
    this.config = { rate: 0, kinds: [] }
    this.rng = mulberry32(mixSeed(this.seed, 0xfa017))
  }

  private routeMatches(fullPath: string): boolean {
    const routes = this.config.routes
    if (!routes || routes.length === 0) return true
    const apiPath = fullPath.startsWith("/shop/api") ? fullPath.slice("/shop/api".length) : fullPath
    return routes.some((r) => fullPath.startsWith(r) || apiPath.startsWith(r))
  }

  /** Rolls the dice for one request; null = no fault. */
  roll(fullPath: string): FaultDecision | null {
    const { rate, kinds } = this.config
    if (!(rate > 0) || kinds.length === 0 || !this.routeMatches(fullPath)) return null
    if (!(this.rng() < rate)) return null
    const kind = kinds[Math.floor(this.rng() * kinds.length)]
    switch (kind) {
      case "5xx": {
        const statuses = [500, 502, 503] as const
        return { kind, status: statuses[Math.floor(this.rng() * statuses.length)] }
      }
      case "latency":
        return { kind, latencyMs: this.config.latencyMs ?? DEFAULT_LATENCY_MS }
      default:
        return { kind }
    }
  }
}

export const HTML_404 =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>404 Not Found</title></head>' +
  "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n"

export function html5xx(status: number): string {
  const text = status === 502 ? "Bad Gateway" : "Service Temporarily Unavailable"
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

/** A 200 body cut off in the middle, as when a proxy drops the connection mid-stream. */
export const MALFORMED_JSON = '{"data":[{"type":"orders","id":"MTAwMDAw","attributes":{"code":"5120'
