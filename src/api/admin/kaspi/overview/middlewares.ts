import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminKaspiOverview } from "./validators"

/** The overview (Kaspi page header and Settings → Kaspi). */
export const adminKaspiOverviewMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/kaspi/overview", middlewares: [validateAndTransformQuery(AdminKaspiOverview, {})] },
]
