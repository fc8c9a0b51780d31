// Test helpers: real HTTP against a sandbox on 127.0.0.1, random port.

import { request as httpRequest } from "node:http"
import { startKaspiSandbox, type KaspiSandbox, type KaspiSandboxOptions } from "../index"

export const UA = "medusa-plugin-kaspi-sandbox-tests/1.0"
export const TOKEN = "test-token"
export const DAY = 24 * 60 * 60 * 1000

export function start(opts: KaspiSandboxOptions = {}): Promise<KaspiSandbox> {
  return startKaspiSandbox({ waybillDelayMs: 200, ...opts })
}

export interface Reply {
  status: number
  headers: Headers
  text: string
  json: any
}

export interface CallOptions {
  method?: string
  token?: string | null
  body?: unknown
  headers?: Record<string, string>
  accept?: string | null
  signal?: AbortSignal
}

/** Calls the Kaspi API: `path` is below /shop/api (e.g. "/v2/orders"). */
export async function kaspi(sb: KaspiSandbox, path: string, o: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { "User-Agent": UA }
  if (o.accept !== null) headers.Accept = o.accept ?? "application/vnd.api+json"
  const token = o.token === undefined ? TOKEN : o.token
  if (token !== null) headers["X-Auth-Token"] = token
  if (o.body !== undefined) headers["Content-Type"] = "application/vnd.api+json"
  Object.assign(headers, o.headers ?? {})
  const res = await fetch(`${sb.baseUrl}${path}`, {
    method: o.method ?? (o.body !== undefined ? "POST" : "GET"),
    headers,
    body: o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body),
    signal: o.signal,
  })
  const text = await res.text()
  let json: any = undefined
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

export async function control(sb: KaspiSandbox, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sb.origin}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: await res.json() }
}

/** A status change body like payload 10. */
export function statusBody(id: string, code: string, status: string, extra: Record<string, unknown> = {}) {
  return { data: { type: "orders", id, attributes: { code, status, ...extra } } }
}

export function postStatus(sb: KaspiSandbox, id: string, code: string, status: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, token?: string) {
  return kaspi(sb, "/v2/orders", { body: statusBody(id, code, status, extra), headers, token })
}

export function listUrl(params: Record<string, string | number>): string {
  const q = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join("&")
  return `/v2/orders?${q}`
}

/** Every list state; documented mode takes one per request (API.md §f.3). */
export const STATES = ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"] as const
/** The comma form, refused in documented mode (kept for the lenient tests). */
export const ALL_STATES = STATES.join(",")

/** A request with full control of headers (no default Accept / User-Agent), via node:http. */
export function rawRequest(
  url: string,
  headers: Record<string, string>,
  timeoutMs = 5000
): Promise<{ status?: number; contentType?: string; body?: string; error?: string; elapsedMs: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: "GET", headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () =>
        resolve({
          status: res.statusCode,
          contentType: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
          elapsedMs: Date.now() - started,
        })
      )
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error("client timeout")))
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, elapsedMs: Date.now() - started }))
    req.end()
  })
}

export function decodeB64(id: string): string {
  return Buffer.from(id, "base64").toString("utf8")
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
