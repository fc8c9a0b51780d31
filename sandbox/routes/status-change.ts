// POST /v2/orders: merchant status changes (a.11). The rules live in state-machine.ts.

import { fail, header, isObject, JSON_API, ok, type ApiContext, type ApiResult } from "../http"
import { errorBody, kaspiDeliveryAttributes, single, statusChangeResource, type Json } from "../json-api"
import { DEFAULT_SEND_CODE_4XX_TITLE, DEFAULT_SEND_CODE_JSON200_BODY } from "../send-code"
import { WRITE_STATUSES, type MerchantCommand, type WriteStatus } from "../state-machine"
import type { SandboxOrder } from "../types"

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
  if (cmd.kind === "COMPLETED_SEND_CODE") return sendCodeAnswer(ctx, order)

  let echo: Json
  switch (cmd.kind) {
    case "CANCELLED":
      echo = { code: order.code, status: "CANCELLED", cancellationReason: order.cancellationReason }
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

/**
 * Step 1 of COMPLETED, after the code has gone to the buyer. How Kaspi answers it is open (API.md
 * a.11, §f.10), so the answer follows the configured send-code mode. Only a valid step-1 request uses
 * up a mode: an invalid one gets the documented refusal above and no code is sent.
 */
function sendCodeAnswer(ctx: ApiContext, order: SandboxOrder): ApiResult {
  const answer = ctx.store.takeSendCodeAnswer()
  const action: ApiResult["action"] = answer.mode === "normal" ? { codeSent: true } : { codeSent: true, sendCodeAnswer: answer.mode }
  switch (answer.mode) {
    case "normal":
      // The guide's echo (payload 10): the order is not completed yet.
      return { ...ok(single(statusChangeResource(ctx.render, order, { code: order.code, status: order.status }))), action }
    case "empty200":
      return { status: 200, raw: Buffer.alloc(0), contentType: JSON_API, action }
    case "json200":
      return { status: 200, json: answer.body !== undefined ? answer.body : DEFAULT_SEND_CODE_JSON200_BODY, action }
    case "4xx":
      // [IJ] treats any status < 500 on step 1 as "code sent" (API.md a.11): a 4xx may come with a code.
      return { status: 400, json: errorBody(answer.title ?? DEFAULT_SEND_CODE_4XX_TITLE), action }
    case "5xx":
      return { status: 500, json: errorBody("Internal Server Error"), action }
    case "timeout":
      return { status: 0, hang: true, action }
  }
}
