import { defineMiddlewares } from "@medusajs/framework/http"
import { adminKaspiOrdersMiddlewares } from "./admin/kaspi/middlewares"

export default defineMiddlewares({
  routes: [...adminKaspiOrdersMiddlewares],
})
