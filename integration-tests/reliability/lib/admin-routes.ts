import fs from "node:fs"
import path from "node:path"
import { PLUGIN_ROOT } from "./app-dir"

export interface AdminRoute {
  file: string
  /** e.g. /admin/kaspi/orders/:id/actions */
  pattern: string
  methods: string[]
}

const ADMIN_DIR = path.join(PLUGIN_ROOT, "src/api/admin/kaspi")

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? (d.name === "__tests__" ? [] : walk(p)) : d.name === "route.ts" ? [p] : []
  })
}

/**
 * Every admin route of the plugin, read from the route files themselves (path
 * from the folders, methods from the exports), so a route added tomorrow is
 * checked without anyone updating a list.
 */
export function listAdminRoutes(): AdminRoute[] {
  return walk(ADMIN_DIR).map((file) => {
    const rel = path.relative(path.join(PLUGIN_ROOT, "src/api"), path.dirname(file))
    const pattern = `/${rel.split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")}`
    const source = fs.readFileSync(file, "utf8")
    const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1])
    return { file: path.relative(PLUGIN_ROOT, file), pattern, methods }
  })
}

/** A concrete URL for a route pattern (params from `values`, else a placeholder). */
export function fillRoute(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z_]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? "reliability-probe"))
}
