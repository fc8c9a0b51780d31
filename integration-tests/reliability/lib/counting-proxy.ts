import http from "node:http"

export interface ProxiedRequest {
  at: number
  method: string
  path: string
  status: number
}

/**
 * A transparent HTTP proxy in front of the sandbox, one per Medusa instance:
 * the instance's `apiUrl` points here, so every Kaspi call can be attributed
 * to the instance that made it (the sandbox alone cannot tell them apart).
 */
export async function startCountingProxy(target: string): Promise<{ url: string; log: ProxiedRequest[]; close: () => Promise<void> }> {
  const upstream = new URL(target)
  const log: ProxiedRequest[] = []
  const server = http.createServer((req, res) => {
    const entry: ProxiedRequest = { at: Date.now(), method: req.method ?? "GET", path: req.url ?? "/", status: 0 }
    log.push(entry)
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        entry.status = answer.statusCode ?? 0
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    out.on("error", () => res.destroy())
    // The plugin gave up (its timeout): drop the upstream call too, as a real network would.
    res.on("close", () => out.destroy())
    req.pipe(out)
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
