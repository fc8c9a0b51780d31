import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import KaspiModule from "../modules/kaspi"

// One Kaspi order becomes one Medusa order; a Medusa order comes from at most one Kaspi order.
export default defineLink(KaspiModule.linkable.kaspiOrder, OrderModule.linkable.order)
