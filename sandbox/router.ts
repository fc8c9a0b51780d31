// A minimal path router: patterns like "/v2/orders/:id/entries", exact segment matching.

export interface Route<H> {
  method: string
  pattern: string
  handler: H
}

export type RouteMatch<H> =
  | { kind: "found"; route: Route<H>; params: Record<string, string>; name: string }
  | { kind: "method-not-allowed"; name: string; allowed: string[] }
  | { kind: "not-found"; name: string }

function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s !== "")
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const p = splitPath(pattern)
  const s = splitPath(path)
  if (p.length !== s.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) {
      let value: string
      try {
        value = decodeURIComponent(s[i])
      } catch {
        return null
      }
      params[p[i].slice(1)] = value
    } else if (p[i] !== s[i]) {
      return null
    }
  }
  return params
}

export class Router<H> {
  private readonly routes: Route<H>[] = []

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, pattern, handler })
    return this
  }

  match(method: string, path: string): RouteMatch<H> {
    const allowed: string[] = []
    let pattern: string | null = null
    for (const route of this.routes) {
      const params = matchPattern(route.pattern, path)
      if (!params) continue
      pattern = pattern ?? route.pattern
      if (route.method === method) return { kind: "found", route, params, name: `${method} ${route.pattern}` }
      allowed.push(route.method)
    }
    if (pattern) return { kind: "method-not-allowed", name: `${method} ${pattern}`, allowed }
    return { kind: "not-found", name: `${method} (unmatched)` }
  }
}
