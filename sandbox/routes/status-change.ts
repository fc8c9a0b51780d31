// POST /v2/orders: merchant status changes (a.11). The rules live in state-machine.ts.

import { fail, header, isObject, ok, type ApiContext, type ApiResult } from "../http"
import { kaspiDeliveryAttributes, single, statusChangeResource, type Json } from "../json-api"
import { WRITE_STATUSES, type MerchantCommand, type WriteStatus } from "../state-machine"

export const STATUS_CHANGE_TITLES = {
  notJsonApi: "Request body must be a JSON:API document with a data object",
  wrongType: 'data.type must be "orders"',
  idRequired: "data.id (the order id) is required",
  attributesRequired: "data.attributes is required",
  statusRequired: "data.attributes.status is required",
  statusUnknown: "Status can't be set by the merchant",
  codeMismatch: "Order code does not match the order id",
  orderNotFound: "Order not found",
} as const

/** Which command a POST /v2/orders body + headers asks for (also used to label faulted writes). */
export function commandFor(status: string, attrs: Json, headers: ApiContext["headers"]): MerchantCommand {
  switch (status as WriteStatus) {
    case "ACCEPTED_BY_MERCHANT":
      return { kind: "ACCEPTED_BY_MERCHANT" }
    case "CANCELLED":
      return { kind: "CANCELLED", reason: attrs.cancellationReason, comment: attrs.cancellationComment }
    case "COMPLETED": {
      const code = (header(headers, "x-security-code") ?? "").trim()
      const sendCode = (header(headers, "x-send-code") ?? "").trim().toLowerCase() === "true"
      if (code === "" && sendCode) return { kind: "COMPLETED_SEND_CODE" }
      return { kind: "COMPLETED", securityCode: code }
    }
    case "ASSEMBLE":
      return { kind: "ASSEMBLE", numberOfSpace: attrs.numberOfSpace }
    case "ARRIVED":
      return { kind: "ARRIVED" }
    case "ARRIVED_BACKWARD":
      return { kind: "ARRIVED_BACKWARD" }
  }
}

export function changeStatus(ctx: ApiContext): ApiResult {
  if (ctx.bodyError) return fail(400, ctx.bodyError)
  const data = isObject(ctx.body) && isObject(ctx.body.data) ? ctx.body.data : null
  if (!data) return fail(400, STATUS_CHANGE_TITLES.notJsonApi)
  if (data.type !== "orders") return fail(400, STATUS_CHANGE_TITLES.wrongType)
  if (typeof data.id !== "string" || data.id === "") return fail(400, STATUS_CHANGE_TITLES.idRequired)
  const attrs = isObject(data.attributes) ? data.attributes : null
  if (!attrs) return fail(400, STATUS_CHANGE_TITLES.attributesRequired)

  const order = ctx.store.findOrder(ctx.shop, data.id)
  if (!order) return fail(404, STATUS_CHANGE_TITLES.orderNotFound, `No order with id ${data.id}`)
  if (attrs.code !== undefined && attrs.code !== null && String(attrs.code).trim() !== order.code) {
    return fail(400, STATUS_CHANGE_TITLES.codeMismatch, `Order ${data.id} has a different code`)
  }
  const status = attrs.status
  if (status === undefined || status === null || status === "") return fail(400, STATUS_CHANGE_TITLES.statusRequired)
  if (!(WRITE_STATUSES as readonly unknown[]).includes(status)) {
    return fail(400, STATUS_CHANGE_TITLES.statusUnknown, `Status "${String(status)}" can't be set; use one of ${WRITE_STATUSES.join(", ")}`)
  }

  const cmd = commandFor(String(status), attrs, ctx.headers)
  const decision = ctx.store.applyMerchantCommand(order, cmd)
  if (!decision.ok) return fail(400, decision.title, decision.detail)

  let echo: Json
  switch (cmd.kind) {
    case "CANCELLED":
      echo = { code: order.code, status: "CANCELLED", cancellationReason: order.cancellationReason }
      break
    case "COMPLETED_SEND_CODE":
      // Step 1 only sends the code; the order is not completed yet.
      echo = { code: order.code, status: order.status }
      break
    case "ASSEMBLE":
      echo = {
        code: order.code,
        status: "ASSEMBLE",
        numberOfSpace: order.numberOfSpace,
        assembled: true,
        kaspiDelivery: kaspiDeliveryAttributes(ctx.render, order),
      }
      break
    default:
      echo = { code: order.code, status: cmd.kind }
  }
  return ok(single(statusChangeResource(ctx.render, order, echo)))
}
