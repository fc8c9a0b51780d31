import type { MedusaContainer } from "@medusajs/framework/types"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { adminKaspiOrdersMiddlewares } from "../../src/api/admin/kaspi/middlewares"
import { adminKaspiOverviewMiddlewares } from "../../src/api/admin/kaspi/overview/middlewares"

type Handler = (req: any, res: any) => Promise<unknown>

const MIDDLEWARES: MiddlewareRoute[] = [...adminKaspiOrdersMiddlewares, ...adminKaspiOverviewMiddlewares]

/**
 * An admin GET in process, through the code path an HTTP request takes after
 * auth: the route's own middlewares from src/api (the zod validator that fills
 * req.validatedQuery), then the route's handler. What is left out — HTTP
 * parsing, auth, JSON serialisation — costs the same at any history size.
 */
export async function callAdminGet(
  container: MedusaContainer,
  matcher: string,
  handler: Handler,
  opts: { params?: Record<string, string>; query?: Record<string, string> } = {}
): Promise<any> {
  const req: any = { scope: container, params: opts.params ?? {}, query: opts.query ?? {}, allowed: [], method: "GET" }
  let body: unknown
  let status = 200
  const res: any = {
    status(s: number) {
      status = s
      return res
    },
    json(b: unknown) {
      body = b
      return res
    },
  }
  const route = MIDDLEWARES.find((m) => m.matcher === matcher && (m.method as string[] | undefined)?.includes("GET"))
  for (const mw of route?.middlewares ?? []) {
    await new Promise<void>((resolve, reject) => {
      const r = (mw as any)(req, res, (err?: unknown) => (err ? reject(err) : resolve()))
      if (r && typeof r.then === "function") r.catch(reject)
    })
  }
  await handler(req, res)
  if (status >= 400) throw new Error(`${matcher} answered ${status}: ${JSON.stringify(body)}`)
  return body
}
