import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCreateSkuMapping,
  AdminKaspiAction,
  AdminCreateStoreMapping,
  AdminListKaspiEvents,
  AdminListKaspiActions,
  AdminResolveKaspiDisagreement,
  AdminReconcileKaspiOrder,
  AdminReconcileKaspiOrders,
  AdminRetryKaspiAction,
  AdminListKaspiOrders,
  AdminListMappings,
  AdminRunKaspiCheck,
  AdminStoreKaspiToken,
  AdminUpdateKaspiOrderOptions,
  AdminSyncKaspiOrders,
  AdminListKaspiBackfills,
  AdminStartKaspiBackfill,
  AdminUpdateSkuMapping,
  AdminUpdateStoreMapping,
  AdminPrintKaspiHandover,
} from "./validators"

const query = (schema: Parameters<typeof validateAndTransformQuery>[0]) =>
  validateAndTransformQuery(schema, { defaults: [], isList: true })

/** Orders-in admin routes (accounts, orders, mappings, events). */
export const adminKaspiOrdersMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/kaspi/accounts/:id/order-options", middlewares: [validateAndTransformBody(AdminUpdateKaspiOrderOptions)] },
  { method: ["POST"], matcher: "/admin/kaspi/accounts/:id/token", middlewares: [validateAndTransformBody(AdminStoreKaspiToken)] },
  { method: ["POST"], matcher: "/admin/kaspi/accounts/:id/check", middlewares: [validateAndTransformBody(AdminRunKaspiCheck)] },
  { method: ["GET"], matcher: "/admin/kaspi/orders", middlewares: [query(AdminListKaspiOrders)] },
  { method: ["POST"], matcher: "/admin/kaspi/orders/sync", middlewares: [validateAndTransformBody(AdminSyncKaspiOrders)] },
  { method: ["POST"], matcher: "/admin/kaspi/backfills", middlewares: [validateAndTransformBody(AdminStartKaspiBackfill)] },
  { method: ["GET"], matcher: "/admin/kaspi/backfills", middlewares: [query(AdminListKaspiBackfills)] },
  { method: ["GET"], matcher: "/admin/kaspi/sku-mappings", middlewares: [query(AdminListMappings)] },
  { method: ["POST"], matcher: "/admin/kaspi/sku-mappings", middlewares: [validateAndTransformBody(AdminCreateSkuMapping)] },
  { method: ["POST"], matcher: "/admin/kaspi/sku-mappings/:id", middlewares: [validateAndTransformBody(AdminUpdateSkuMapping)] },
  { method: ["GET"], matcher: "/admin/kaspi/store-mappings", middlewares: [query(AdminListMappings)] },
  { method: ["POST"], matcher: "/admin/kaspi/store-mappings", middlewares: [validateAndTransformBody(AdminCreateStoreMapping)] },
  { method: ["POST"], matcher: "/admin/kaspi/store-mappings/:id", middlewares: [validateAndTransformBody(AdminUpdateStoreMapping)] },
  { method: ["GET"], matcher: "/admin/kaspi/events", middlewares: [query(AdminListKaspiEvents)] },
  { method: ["POST"], matcher: "/admin/kaspi/orders/:id/actions", middlewares: [validateAndTransformBody(AdminKaspiAction)] },
  { method: ["POST"], matcher: "/admin/kaspi/orders/:id/resolve", middlewares: [validateAndTransformBody(AdminResolveKaspiDisagreement)] },
  { method: ["POST"], matcher: "/admin/kaspi/orders/reconcile", middlewares: [validateAndTransformBody(AdminReconcileKaspiOrders)] },
  { method: ["POST"], matcher: "/admin/kaspi/orders/:id/reconcile", middlewares: [validateAndTransformBody(AdminReconcileKaspiOrder)] },
  { method: ["GET"], matcher: "/admin/kaspi/actions", middlewares: [query(AdminListKaspiActions)] },
  { method: ["POST"], matcher: "/admin/kaspi/actions/:id/retry", middlewares: [validateAndTransformBody(AdminRetryKaspiAction)] },
  { method: ["POST"], matcher: "/admin/kaspi/handover", middlewares: [validateAndTransformBody(AdminPrintKaspiHandover)] },
]
