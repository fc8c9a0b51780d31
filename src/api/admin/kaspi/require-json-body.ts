import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** `application/json` and the JSON suffix types (`application/vnd.api+json`), with or without parameters. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/**
 * Every admin POST under /admin/kaspi changes something (cancels an order,
 * stores a token, rotates the feed secret). A cross-site HTML form or a
 * `no-cors` fetch can only send form, multipart or text bodies; requiring
 * JSON means a page on another site cannot make the admin's browser cancel an
 * order with its session cookie, whatever the cookie's SameSite setting. The
 * admin (Medusa's js-sdk) always sends `application/json`. 415 otherwise,
 * before the body is read or validated.
 */
export function requireJsonBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  if (req.method !== "POST" || JSON_TYPE.test(req.headers["content-type"] ?? "")) return next()
  res.status(415).json({
    type: "unsupported_media_type",
    message: "Kaspi admin requests must be sent as application/json",
  })
}
