import Medusa from "@medusajs/js-sdk"

/**
 * The admin's own session (cookie) authenticates these calls. __BACKEND_URL__,
 * not import.meta.env, because a plugin's bundle is compiled before the host
 * decides its backend URL (GUIDE.md §7).
 */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ || "/",
  auth: { type: "session" },
})
