import { defineMiddlewares } from "@medusajs/framework/http"
import { adminKaspiOrdersMiddlewares } from "./admin/kaspi/middlewares"
import { adminKaspiFeedMiddlewares } from "./admin/kaspi/feed/middlewares"
import { adminKaspiOverviewMiddlewares } from "./admin/kaspi/overview/middlewares"
import { adminKaspiDeadlinesMiddlewares } from "./admin/kaspi/deadlines/middlewares"
import { adminKaspiCardsMiddlewares } from "./admin/kaspi/cards/middlewares"
import { requireJsonBody } from "./admin/kaspi/require-json-body"

export default defineMiddlewares({
  routes: [
    // First: a non-JSON POST is refused before any body validation (cross-site forms, see require-json-body.ts).
    { method: ["POST"], matcher: "/admin/kaspi*", middlewares: [requireJsonBody] },
    ...adminKaspiOrdersMiddlewares,
    ...adminKaspiFeedMiddlewares,
    ...adminKaspiOverviewMiddlewares,
    ...adminKaspiDeadlinesMiddlewares,
    ...adminKaspiCardsMiddlewares,
  ],
})
