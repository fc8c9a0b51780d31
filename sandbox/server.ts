// The HTTP server: the request pipeline in front of the Kaspi routes
// (WAF → faults → Accept quirk → auth → route) and the separate control API.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { Socket } from "node:net"
import { FaultInjector, HTML_404, MALFORMED_JSON, html5xx, type FaultDecision } from "./faults"
import { JSON_API, MAX_BODY_BYTES, header, parseJsonBody, readBody, send, sendJson, type ApiContext, type ApiResult } from "./http"
import { errorBody } from "./json-api"
import type { Router } from "./router"
import { PRODUCT_IMPORT_ROUTE, type ApiHandler } from "./routes"
import { handleControl, type ControlTarget } from "./routes/control"
import { labelWrite } from "./routes/write-actions"
import type { SandboxStore } from "./store"
import type { RecordedRequest } from "./types"
import { isDefaultUserAgent } from "./waf"

export interface ServerOptions {
  rejectDefaultUserAgent: boolean
  wafHangMs: number
  log?: (line: string) => void
}

const HTML = "text/html; charset=utf-8"
/** How long the socket of a refused (413) body stays half-open so the client reads the answer. */
const TOO_LARGE_GRACE_MS = 1000
const API_PREFIX = "/shop/api"

export class SandboxHttpServer {
  readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false
  private fallbackOrigin = "http://127.0.0.1"

  constructor(
    private readonly store: SandboxStore,
    private readonly faults: FaultInjector,
    private readonly router: Router<ApiHandler>,
    private readonly control: ControlTarget,
    private readonly options: ServerOptions
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        this.options.log?.(`sandbox error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)
        sendJson(res, 500, errorBody("Internal Server Error"))
      })
    })
    this.server.on("connection", (s: Socket) => {
      this.sockets.add(s)
      s.on("close", () => this.sockets.delete(s))
    })
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject)
      this.server.listen(port, host, () => {
        this.server.off("error", reject)
        const addr = this.server.address()
        const actual = typeof addr === "object" && addr ? addr.port : port
        this.fallbackOrigin = `http://${host}:${actual}`
        resolve(actual)
      })
    })
  }

  /** Stops listening and destroys every socket (hung ones included), so test runners can exit. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve()
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()))
    for (const s of this.sockets) s.destroy()
    this.server.closeAllConnections()
    return done
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, ms)
    this.timers.add(t)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(ms, resolve))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    const method = (req.method ?? "GET").toUpperCase()
    const url = new URL(req.url ?? "/", "http://sandbox.invalid")
    const path = url.pathname
    const origin = req.headers.host ? `http://${req.headers.host}` : this.fallbackOrigin

    if (path === "/__sandbox" || path.startsWith("/__sandbox/")) {
      const { text, tooLarge } = await readBody(req)
      if (tooLarge) {
        this.closeAfterAnswer(req, res)
        sendJson(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` }, "application/json; charset=utf-8")
        return
      }
      const parsed = parseJsonBody(text)
      const r = handleControl(this.control, { method, path, query: url.searchParams, body: parsed.body, bodyError: parsed.error })
      sendJson(res, r.status, r.json, "application/json; charset=utf-8")
      return
    }
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) {
      send(res, 404, HTML_404, HTML)
      return
    }

    const apiPath = path.slice(API_PREFIX.length) || "/"
    const match = this.router.match(method, apiPath)
    const token = header(req.headers, "x-auth-token")
    const merchantId = this.store.merchantForToken(token)
    const rec = this.store.recordRequest({ merchantId, method, path, query: url.search, route: match.name, userAgent: header(req.headers, "user-agent") ?? "" })
    countBodyBytes(res, rec)
    res.on("finish", () => {
      rec.status = res.statusCode
      rec.durationMs = Date.now() - started
      this.logRequest(rec)
    })

    // 1. WAF: default User-Agent → hang, then drop the connection without a response.
    if (this.options.rejectDefaultUserAgent && isDefaultUserAgent(req.headers["user-agent"])) {
      rec.blocked = "waf"
      this.logRequest(rec)
      const socket = req.socket
      this.later(this.options.wafHangMs, () => socket.destroy())
      return
    }

    // A product import may be large (payload 13: up to 10,000 products); everything else stays small.
    const bodyLimit = match.name === PRODUCT_IMPORT_ROUTE ? this.store.content.getSettings().maxBodyBytes : MAX_BODY_BYTES
    const { text, tooLarge } = await readBody(req, bodyLimit)
    if (tooLarge) this.closeAfterAnswer(req, res)
    const parsed = parseJsonBody(text)
    const isWrite = method !== "GET" && method !== "HEAD"
    const shop = merchantId ? this.store.shop(merchantId) : null
    const label = isWrite ? labelWrite(method, apiPath, parsed.body, req.headers, this.store, shop) : null

    // 2. Faults happen before any handler: a faulted write changes nothing (except latency).
    const fault = this.faults.roll(path)
    if (fault) {
      rec.fault = fault.kind
      if (fault.kind === "latency") {
        await this.sleep(fault.latencyMs ?? 0)
        if (this.closed) return
      } else {
        if (label) {
          this.store.recordAction({ merchantId, method, path, ...label, result: "fault", httpStatus: 0, fault: fault.kind })
        }
        this.respondWithFault(fault, res, rec)
        return
      }
    }

    // 3. Kaspi quirks and auth, then the route.
    let result: ApiResult
    if (!req.headers.accept) {
      result = { status: 404, raw: Buffer.from(HTML_404, "utf8"), contentType: HTML }
    } else if (!token) {
      result = { status: 401, json: errorBody("X-Auth-Token header is required", "Generate an API token in the Kaspi merchant cabinet") }
    } else if (!merchantId || !shop) {
      result = { status: 401, json: errorBody("Invalid X-Auth-Token") }
    } else if (tooLarge) {
      result = { status: 413, json: errorBody("Request body is too large") }
    } else if (match.kind === "not-found") {
      result = { status: 404, json: errorBody("Resource not found", `No API resource at ${path}`) }
    } else if (match.kind === "method-not-allowed") {
      result = { status: 405, json: errorBody("Method not allowed", `Use ${match.allowed.join(" or ")}`), headers: { Allow: match.allowed.join(", ") } }
    } else {
      const ctx: ApiContext = {
        method,
        path: apiPath,
        fullPath: path,
        query: url.searchParams,
        params: match.params,
        headers: req.headers,
        body: parsed.body,
        bodyError: parsed.error,
        shop,
        store: this.store,
        render: { api: `${origin}${API_PREFIX}`, storeInfo: (m, s) => this.store.storeInfo(this.store.shop(m), s) },
      }
      result = match.route.handler(ctx)
    }

    if (label) {
      const error = firstErrorTitle(result)
      this.store.recordAction({
        merchantId,
        method,
        path,
        ...label,
        result: result.status >= 200 && result.status < 300 ? "ok" : "rejected",
        httpStatus: result.status,
        ...(error ? { error } : {}),
        ...(fault ? { fault: fault.kind } : {}),
        ...(result.action ?? {}),
      })
    }
    if (result.hang) {
      // Like the timeout fault: no answer; the client giving up (or close()) ends the socket.
      this.logRequest(rec)
      return
    }
    this.write(res, result)
  }

  /**
   * The rest of a refused body is not read: the answer says `Connection: close`, the socket is
   * half-closed once it is sent (the client can still read it) and destroyed shortly after.
   */
  private closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader("Connection", "close")
    const socket = req.socket
    res.once("finish", () => {
      socket.end()
      this.later(TOO_LARGE_GRACE_MS, () => socket.destroy())
    })
  }

  private write(res: ServerResponse, r: ApiResult): void {
    if (r.raw) send(res, r.status, r.raw, r.contentType ?? "application/octet-stream", r.headers)
    else sendJson(res, r.status, r.json, r.contentType ?? JSON_API, r.headers)
  }

  private respondWithFault(fault: FaultDecision, res: ServerResponse, rec: RecordedRequest): void {
    switch (fault.kind) {
      case "5xx": {
        const status = fault.status ?? 500
        if (status === 500) sendJson(res, 500, errorBody("Internal Server Error"))
        else send(res, status, html5xx(status), HTML)
        return
      }
      case "429":
        sendJson(res, 429, errorBody("Too Many Requests"), JSON_API, { "Retry-After": "1" })
        return
      case "html404":
        send(res, 404, HTML_404, HTML)
        return
      case "malformed":
        send(res, 200, MALFORMED_JSON, JSON_API)
        return
      case "timeout":
        // Never answer; close() (or the client giving up) ends the socket.
        this.logRequest(rec)
        return
      case "latency":
        return
    }
  }

  private logRequest(rec: RecordedRequest): void {
    if (!this.options.log) return
    const extra = [rec.fault ? `fault=${rec.fault}` : "", rec.blocked ? `blocked=${rec.blocked}` : ""].filter(Boolean).join(" ")
    const status = rec.status === 0 ? "---" : String(rec.status)
    this.options.log(`${rec.method} ${rec.path}${rec.query} ${status}${rec.durationMs !== undefined ? ` ${rec.durationMs}ms` : ""}${extra ? ` ${extra}` : ""}`)
  }
}

/**
 * Measurement only (benches): adds the body bytes passed to res.end to the request's record. The
 * arguments go through untouched, so what is sent is exactly what would be sent without it.
 */
function countBodyBytes(res: ServerResponse, rec: RecordedRequest): void {
  rec.responseBytes = 0
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  ;(res as { end: (...args: unknown[]) => ServerResponse }).end = (...args: unknown[]) => {
    const chunk = args[0]
    if (typeof chunk === "string") rec.responseBytes = (rec.responseBytes ?? 0) + Buffer.byteLength(chunk, typeof args[1] === "string" ? (args[1] as BufferEncoding) : "utf8")
    else if (chunk instanceof Uint8Array) rec.responseBytes = (rec.responseBytes ?? 0) + chunk.byteLength
    return end(...args)
  }
}

function firstErrorTitle(r: ApiResult): string | undefined {
  const j = r.json as { errors?: Array<{ title?: unknown }> } | undefined
  const t = j?.errors?.[0]?.title
  if (typeof t === "string") return t
  if (r.status === 404 && r.raw) return "Not Found (HTML)"
  return undefined
}
