import { defineMiddlewares } from "@medusajs/framework/http"
import { adminKaspiOrdersMiddlewares } from "./admin/kaspi/middlewares"
import { adminKaspiFeedMiddlewares } from "./admin/kaspi/feed/middlewares"
import { adminKaspiOverviewMiddlewares } from "./admin/kaspi/overview/middlewares"

export default defineMiddlewares({
  routes: [...adminKaspiOrdersMiddlewares, ...adminKaspiFeedMiddlewares, ...adminKaspiOverviewMiddlewares],
})
