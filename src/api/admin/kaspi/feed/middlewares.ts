import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminKaspiFeedBuildQuery,
  AdminListKaspiFeedBuilds,
  AdminPreviewKaspiFeed,
  AdminRebuildKaspiFeed,
  AdminUpdateKaspiFeedConfig,
} from "./validators"

const query = (schema: Parameters<typeof validateAndTransformQuery>[0]) => validateAndTransformQuery(schema, {})

/** Price-list feed admin routes (issue 5). */
export const adminKaspiFeedMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/kaspi/feed/:accountId/config", middlewares: [validateAndTransformBody(AdminUpdateKaspiFeedConfig)] },
  { method: ["POST"], matcher: "/admin/kaspi/feed/:accountId/rebuild", middlewares: [validateAndTransformBody(AdminRebuildKaspiFeed)] },
  { method: ["GET"], matcher: "/admin/kaspi/feed/:accountId/builds", middlewares: [query(AdminListKaspiFeedBuilds)] },
  { method: ["GET"], matcher: "/admin/kaspi/feed/:accountId/report", middlewares: [query(AdminKaspiFeedBuildQuery)] },
  { method: ["GET"], matcher: "/admin/kaspi/feed/:accountId/diff", middlewares: [query(AdminKaspiFeedBuildQuery)] },
  { method: ["GET"], matcher: "/admin/kaspi/feed/:accountId/preview", middlewares: [query(AdminPreviewKaspiFeed)] },
]
