import Bottleneck from "bottleneck"
import { backOff } from "exponential-backoff"
import { Agent, ProxyAgent, request, type Dispatcher } from "undici"
import { redactSecrets, type SecretToken } from "../secret"
import { KaspiApiError, kindForStatus } from "./errors"
import { kaspiErrorBodySchema } from "./schemas"

export const JSON_API = "application/vnd.api+json"

/**
 * - read: safe to repeat; retried on every temporary failure.
 * - write: a change on Kaspi's side; retried only where Kaspi surely did not
 *   process it (429, connection refused). Anything else goes back to the caller
 *   (the outbox), which knows how to check the order before trying again.
 * - refused-only: a write that must happen at most once per request (completion
 *   step 1 texts the buyer a code, API.md a.11 / f.10); retried only when the
 *   connection was refused, i.e. the request never reached Kaspi. Not even on
 *   429: no source says Kaspi did not act on a request it answered 429 to.
 * - none: one attempt.
 */
export type RetryMode = "read" | "write" | "refused-only" | "none"

export interface KaspiRequest {
  method: "GET" | "POST" | "PUT"
  /** Relative to the API base URL ("/v2/orders"), or an absolute URL on the same origin. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  headers?: Record<string, string>
  accept?: string
  expect?: "json" | "binary"
  timeoutMs: number
  retry: RetryMode
}

export interface KaspiResponse<T = unknown> {
  status: number
  body: T
  headers: Record<string, string | string[] | undefined>
}

export interface KaspiRequestEvent {
  method: string
  path: string
  status?: number
  ms: number
  attempt: number
  error?: string
  /** Kaspi's HTTP `Date` header, when it answered: the compatibility check compares clocks with it. */
  date?: string
}

export interface KaspiLogger {
  debug?: (msg: string) => void
  info?: (msg: string) => void
  warn?: (msg: string) => void
  error?: (msg: string) => void
}

export interface KaspiTransportOptions {
  baseUrl: string
  token: SecretToken
  userAgent: string
  proxyUrl?: string
  minRequestIntervalMs: number
  maxConcurrentRequests: number
  retry: { attempts: number; baseDelayMs: number; maxDelayMs: number }
  logger?: KaspiLogger
  onRequest?: (event: KaspiRequestEvent) => void
  /** Largest answer read, in bytes: JSON and binary (waybill PDFs). Defaults: DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: { json: number; binary: number }
}

/** A page of 100 orders with entries is well under 1 MB; a waybill PDF a few hundred kB. */
export const DEFAULT_MAX_RESPONSE_BYTES = { json: 16 * 1024 * 1024, binary: 20 * 1024 * 1024 }

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function errorCode(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: { code?: string } }
  return err?.code ?? err?.cause?.code
}

/**
 * HTTP to one Kaspi shop: headers, token, rate limit, timeouts, retries and
 * error classification. It is the only place that reads the token.
 */
export class KaspiTransport {
  private readonly limiter: Bottleneck
  private readonly dispatcher: Dispatcher
  private readonly origin: string
  private readonly basePath: string

  constructor(private readonly opts: KaspiTransportOptions) {
    const base = new URL(opts.baseUrl)
    this.origin = base.origin
    this.basePath = base.pathname.replace(/\/+$/, "")
    // Spacing requests out is the only rate limit Kaspi's users know works (API.md a.0).
    this.limiter = new Bottleneck({
      minTime: opts.minRequestIntervalMs,
      maxConcurrent: opts.maxConcurrentRequests,
    })
    this.dispatcher = opts.proxyUrl
      ? new ProxyAgent({ uri: opts.proxyUrl, connect: { timeout: 10_000 } })
      : new Agent({ keepAliveTimeout: 10_000, connect: { timeout: 10_000 } })
  }

  async close(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: false }).catch(() => undefined)
    await this.dispatcher.close().catch(() => undefined)
  }

  async send<T = unknown>(req: KaspiRequest): Promise<KaspiResponse<T>> {
    const maxAttempts = req.retry === "none" ? 1 : this.opts.retry.attempts
    let attempt = 0
    return backOff(
      () => {
        attempt += 1
        return this.limiter.schedule(() => this.once<T>(req, attempt))
      },
      {
        numOfAttempts: maxAttempts,
        startingDelay: Math.max(1, this.opts.retry.baseDelayMs),
        maxDelay: Math.max(1, this.opts.retry.maxDelayMs),
        jitter: "full",
        retry: async (e: unknown) => {
          if (!(e instanceof KaspiApiError) || !this.shouldRetry(req.retry, e)) return false
          if (e.retryAfterMs) await sleep(Math.min(e.retryAfterMs, this.opts.retry.maxDelayMs))
          this.opts.logger?.warn?.(`Kaspi ${req.method} ${this.displayPath(req.path)}: ${e.kind}, retrying`)
          return true
        },
      }
    )
  }

  private shouldRetry(mode: RetryMode, e: KaspiApiError): boolean {
    if (mode === "none") return false
    if (mode === "read") return e.retryable
    if (mode === "refused-only") return e.connectionRefused
    return e.kind === "rate_limited" || e.connectionRefused
  }

  /** The path relative to the API base, for logs and errors ("/v2/orders"). */
  private displayPath(path: string): string {
    const pathname = /^https?:/i.test(path) ? new URL(path).pathname : path
    return this.basePath && pathname.startsWith(this.basePath) ? pathname.slice(this.basePath.length) : pathname
  }

  private resolveUrl(req: KaspiRequest): URL {
    let url: URL
    if (/^https?:/i.test(req.path)) {
      url = new URL(req.path)
      // The token must never travel to a host other than the configured Kaspi API.
      if (url.origin !== this.origin) {
        throw new KaspiApiError({
          kind: "bad_request",
          method: req.method,
          detail: `refusing to send the Kaspi token to ${url.origin}, which is not the configured API origin`,
        })
      }
    } else {
      url = new URL(this.origin + this.basePath + req.path)
    }
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v))
    }
    return url
  }

  private async once<T>(req: KaspiRequest, attempt: number): Promise<KaspiResponse<T>> {
    const url = this.resolveUrl(req)
    const path = this.displayPath(url.pathname)
    const started = Date.now()
    const report = (status?: number, error?: string, date?: string | string[]) =>
      this.opts.onRequest?.({
        method: req.method,
        path,
        status,
        ms: Date.now() - started,
        attempt,
        error,
        ...(typeof date === "string" ? { date } : {}),
      })

    let res: Dispatcher.ResponseData
    try {
      res = await request(url, {
        method: req.method,
        dispatcher: this.dispatcher,
        headers: {
          accept: req.accept ?? JSON_API,
          "content-type": JSON_API,
          "user-agent": this.opts.userAgent,
          "x-auth-token": this.opts.token.reveal(),
          ...req.headers,
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(req.timeoutMs),
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      })
    } catch (e) {
      const err = this.transportError(e, req.method, path, req.timeoutMs)
      report(undefined, err.kind)
      this.opts.logger?.debug?.(`Kaspi ${req.method} ${path} failed after ${Date.now() - started} ms: ${err.kind}`)
      throw err
    }

    let buffer: Buffer
    try {
      buffer = await this.readBody(res, req, path)
    } catch (e) {
      const err = this.transportError(e, req.method, path, req.timeoutMs)
      report(res.statusCode, err.kind, res.headers.date)
      throw err
    }
    report(res.statusCode, undefined, res.headers.date)
    this.opts.logger?.debug?.(`Kaspi ${req.method} ${path} → ${res.statusCode} in ${Date.now() - started} ms`)

    const contentType = String(res.headers["content-type"] ?? "")
    const text = () => this.redact(buffer.toString("utf8"))
    const looksHtml = () => /html/i.test(contentType) || /^\s*</.test(buffer.subarray(0, 64).toString("utf8"))

    if (res.statusCode < 200 || res.statusCode >= 300) {
      throw this.statusError(req.method, path, res.statusCode, text(), looksHtml(), res.headers["retry-after"])
    }

    if (req.expect === "binary") {
      return { status: res.statusCode, body: buffer as T, headers: res.headers }
    }
    if (looksHtml()) {
      throw new KaspiApiError({
        kind: "invalid_response",
        method: req.method,
        path,
        status: res.statusCode,
        detail: "Kaspi sent an HTML page where JSON was expected (often a firewall or error page)",
      })
    }
    try {
      const body = buffer.length ? JSON.parse(buffer.toString("utf8")) : null
      return { status: res.statusCode, body: body as T, headers: res.headers }
    } catch {
      throw new KaspiApiError({
        kind: "invalid_response",
        method: req.method,
        path,
        status: res.statusCode,
        detail: `malformed JSON (${buffer.length} bytes)`,
      })
    }
  }

  /**
   * The body, read chunk by chunk up to the limit for its kind: a hostile or broken upstream
   * sending 50 MB is cut off at the limit (and the connection dropped), never buffered whole.
   */
  private async readBody(res: Dispatcher.ResponseData, req: KaspiRequest, path: string): Promise<Buffer> {
    const limits = this.opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    const limit = req.expect === "binary" ? limits.binary : limits.json
    const tooLarge = (size: string) => {
      res.body.destroy()
      return new KaspiApiError({
        kind: "invalid_response",
        method: req.method,
        path,
        status: res.statusCode,
        detail: `the answer is ${size}, over the ${megabytes(limit)} limit (maxResponseMb / maxWaybillMb); nothing of it was used`,
      })
    }
    const declared = Number(res.headers["content-length"])
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(megabytes(declared))
    const chunks: Buffer[] = []
    let total = 0
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length
      if (total > limit) throw tooLarge(`larger than ${megabytes(limit)}`)
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks, total)
  }

  private statusError(
    method: string,
    path: string,
    status: number,
    text: string,
    html: boolean,
    retryAfter: string | string[] | undefined
  ): KaspiApiError {
    let kaspiErrors: string[] = []
    if (!html) {
      try {
        const parsed = kaspiErrorBodySchema.safeParse(JSON.parse(text))
        if (parsed.success) {
          kaspiErrors = parsed.data.errors
            .map((e) => [e.title, e.detail].filter(Boolean).join(": "))
            .filter(Boolean)
        }
      } catch {
        // not JSON: described below
      }
    }
    const seconds = Number(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter)
    return new KaspiApiError({
      kind: kindForStatus(status),
      method,
      path,
      status,
      kaspiErrors,
      detail: kaspiErrors.length
        ? undefined
        : html
          ? status === 404
            ? "an HTML 404 page (Kaspi answers so when the path is wrong or the Accept header is missing)"
            : "an HTML error page"
          : text.slice(0, 200) || undefined,
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
      html,
    })
  }

  private transportError(e: unknown, method: string, path: string, timeoutMs: number): KaspiApiError {
    if (e instanceof KaspiApiError) return e
    const name = (e as { name?: string })?.name ?? ""
    const code = errorCode(e) ?? ""
    if (/Timeout|Abort/i.test(name) || /TIMEOUT/i.test(code)) {
      return new KaspiApiError({ kind: "timeout", method, path, detail: `no answer within ${timeoutMs} ms`, cause: e })
    }
    const message = this.redact(String((e as Error)?.message ?? e))
    return new KaspiApiError({ kind: "network", method, path, detail: [code, message].filter(Boolean).join(" "), cause: e })
  }

  private redact(text: string): string {
    return redactSecrets(text, [this.opts.token])
  }
}
