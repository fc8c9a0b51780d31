// Small HTTP helpers and the types shared by the route handlers.

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http"
import { errorBody, type Json, type RenderContext } from "./json-api"
import type { Shop, SandboxStore } from "./store"
import type { RecordedAction } from "./types"

export const JSON_API = "application/vnd.api+json"
export const MAX_BODY_BYTES = 1024 * 1024

export interface ApiContext {
  method: string
  /** path below /shop/api, e.g. "/v2/orders" */
  path: string
  fullPath: string
  query: URLSearchParams
  params: Record<string, string>
  headers: IncomingHttpHeaders
  /** parsed JSON body; undefined when there was none */
  body: unknown
  bodyError: string | null
  shop: Shop
  store: SandboxStore
  render: RenderContext
}

export interface ApiResult {
  status: number
  json?: unknown
  raw?: Buffer
  contentType?: string
  headers?: Record<string, string>
  /** never answer: the socket is held until the client gives up or the sandbox closes (like the timeout fault) */
  hang?: boolean
  /** extra fields for this request's action-log entry */
  action?: Pick<RecordedAction, "codeSent" | "sendCodeAnswer">
}

export const ok = (json: unknown): ApiResult => ({ status: 200, json })
export const fail = (status: number, title: string, detail?: string): ApiResult => ({ status, json: errorBody(title, detail) })

/**
 * The body, up to `limit` bytes. A body declared or found larger is not read on: reading stops
 * (`tooLarge`), and the caller answers 413 and closes the connection instead of draining it.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<{ text: string; tooLarge: boolean }> {
  const declared = Number(header(req.headers, "content-length"))
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ text: "", tooLarge: true })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (c: Buffer) => {
      size += c.length
      if (size <= limit) {
        chunks.push(c)
        return
      }
      req.off("data", onData)
      req.pause()
      resolve({ text: "", tooLarge: true })
    }
    req.on("data", onData)
    req.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8"), tooLarge: false }))
    req.on("error", reject)
  })
}

export function parseJsonBody(text: string): { body: unknown; error: string | null } {
  if (text.trim() === "") return { body: undefined, error: null }
  try {
    return { body: JSON.parse(text) as unknown, error: null }
  } catch {
    return { body: undefined, error: "Request body is not valid JSON" }
  }
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {}
): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return
  const buf = typeof body === "string" ? Buffer.from(body, "utf8") : body
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": String(buf.length), ...headers })
  res.end(buf)
}

export function sendJson(res: ServerResponse, status: number, json: unknown, contentType = JSON_API, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(json), contentType, headers)
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v)
}
