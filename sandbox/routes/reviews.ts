// GET /v2/merchantreviews and /v2/merchantreviews/{orderId} (a.10, simple): completed orders
// get a deterministic review (about two in three of them).

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { list, single, type Json, type RenderContext } from "../json-api"
import { hashString } from "../prng"
import { isPostCompletion } from "../state-machine"
import type { SandboxOrder } from "../types"

const POSITIVE = ["Всё отлично, спасибо!", "Быстро и качественно", "Рахмет, товар соответствует описанию", "Рекомендую продавца"]
const NEGATIVE = ["Долго ждал заказ", "Упаковка была повреждена", "Продавец не отвечал на звонки"]

interface Review {
  order: SandboxOrder
  rating: number
  comment: string
  userName: string
  approvedDate: number
  quality: "POSITIVE" | "NEGATIVE"
}

function reviewFor(o: SandboxOrder): Review | null {
  if (!isPostCompletion(o.status)) return null
  const h = hashString(`review|${o.code}`)
  if (h % 3 === 0) return null
  const rating = [5, 5, 5, 4, 4, 3, 2, 1][h % 8]
  const quality = rating >= 4 ? "POSITIVE" : "NEGATIVE"
  const pool = quality === "POSITIVE" ? POSITIVE : NEGATIVE
  return {
    order: o,
    rating,
    comment: pool[(h >>> 3) % pool.length],
    userName: `${o.customer.firstName} ${o.customer.lastName.charAt(0)}.`,
    approvedDate: (o.completedAt ?? o.creationDate) + 6 * 3_600_000,
    quality,
  }
}

function reviewResource(ctx: RenderContext, r: Review): Json {
  const self = `${ctx.api}/v2/merchantreviews/${r.order.id}`
  return {
    type: "merchantreviews",
    id: r.order.id,
    attributes: { rating: r.rating, comment: r.comment, userName: r.userName, approvedDate: r.approvedDate, quality: r.quality },
    relationships: {
      order: {
        links: { self: `${self}/relationships/order`, related: `${self}/order` },
        data: { type: "orders", id: r.order.id },
      },
    },
    links: { self },
  }
}

function intOr(raw: string | null, fallback: number): number | null {
  if (raw === null || raw === "") return fallback
  return /^\d+$/.test(raw) ? Number(raw) : null
}

export function listReviews(ctx: ApiContext): ApiResult {
  const q = ctx.query
  const pageNumber = intOr(q.get("page[number]"), 0)
  if (pageNumber === null) return fail(400, "page[number] must be a non-negative integer")
  const pageSize = intOr(q.get("page[size]"), 20)
  if (pageSize === null || pageSize < 1 || pageSize > 100) return fail(400, "page[size] must be an integer between 1 and 100")
  const ge = intOr(q.get("filter[merchantreviews][approvedDate][$ge]"), Number.MIN_SAFE_INTEGER)
  const le = intOr(q.get("filter[merchantreviews][approvedDate][$le]"), Number.MAX_SAFE_INTEGER)
  if (ge === null || le === null) return fail(400, "filter[merchantreviews][approvedDate] must be a timestamp in milliseconds")
  const quality = q.get("filter[merchantreviews][quality]")
  if (quality !== null && quality !== "POSITIVE" && quality !== "NEGATIVE") {
    return fail(400, "filter[merchantreviews][quality] must be POSITIVE or NEGATIVE")
  }
  const reviews = ctx.store
    .listOrders(ctx.shop)
    .map(reviewFor)
    .filter((r): r is Review => r !== null)
    .filter((r) => r.approvedDate >= ge && r.approvedDate <= le && (quality === null || r.quality === quality))
    .sort((a, b) => a.approvedDate - b.approvedDate || Number(a.order.code) - Number(b.order.code))
  const page = reviews.slice(pageNumber * pageSize, pageNumber * pageSize + pageSize)
  return ok(list(page.map((r) => reviewResource(ctx.render, r)), [], { pageCount: Math.ceil(reviews.length / pageSize), totalCount: reviews.length }))
}

export function getReview(ctx: ApiContext): ApiResult {
  const o = ctx.store.findOrder(ctx.shop, ctx.params.orderId)
  const r = o ? reviewFor(o) : null
  if (!r) return fail(404, "Review not found", `No review for order ${ctx.params.orderId}`)
  return ok(single(reviewResource(ctx.render, r)))
}
