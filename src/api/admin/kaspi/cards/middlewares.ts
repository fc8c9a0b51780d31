import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminKaspiCardAttributes,
  AdminKaspiCardCategories,
  AdminKaspiCardMapping,
  AdminKaspiCardsSend,
  AdminKaspiProductCards,
  AdminListKaspiCardImports,
  AdminSaveKaspiCardMapping,
} from "./validators"

const query = (schema: Parameters<typeof validateAndTransformQuery>[0]) => validateAndTransformQuery(schema, {})

/** Kaspi product cards (issue #18): classification, mappings, preview, send and the imports' results. */
export const adminKaspiCardsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/kaspi/cards/categories", middlewares: [query(AdminKaspiCardCategories)] },
  { method: ["GET"], matcher: "/admin/kaspi/cards/attributes", middlewares: [query(AdminKaspiCardAttributes)] },
  { method: ["GET"], matcher: "/admin/kaspi/cards/mapping", middlewares: [query(AdminKaspiCardMapping)] },
  { method: ["POST"], matcher: "/admin/kaspi/cards/mapping", middlewares: [validateAndTransformBody(AdminSaveKaspiCardMapping)] },
  { method: ["POST"], matcher: "/admin/kaspi/cards/preview", middlewares: [validateAndTransformBody(AdminKaspiCardsSend)] },
  { method: ["POST"], matcher: "/admin/kaspi/cards/send", middlewares: [validateAndTransformBody(AdminKaspiCardsSend)] },
  { method: ["GET"], matcher: "/admin/kaspi/cards/imports", middlewares: [query(AdminListKaspiCardImports)] },
  { method: ["GET"], matcher: "/admin/kaspi/cards/products/:id", middlewares: [query(AdminKaspiProductCards)] },
]
