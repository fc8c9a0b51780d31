import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminKaspiDeadlines } from "./validators"

/** The Kaspi page's "due first" list. */
export const adminKaspiDeadlinesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/kaspi/deadlines", middlewares: [validateAndTransformQuery(AdminKaspiDeadlines, {})] },
]
