// GET /v2/cities (a.9) and /v2/cities/{id}.

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { cityIdOf } from "../ids"
import { cityResource, list, single } from "../json-api"
import { CITIES } from "../kazakh-data"

export function listCities(ctx: ApiContext): ApiResult {
  const data = CITIES.map((c) => cityResource(ctx.render, c))
  return ok(list(data, [], { pageCount: 1, totalCount: data.length }))
}

export function getCity(ctx: ApiContext): ApiResult {
  const id = ctx.params.id.replace(/=+$/, "")
  const city = CITIES.find((c) => cityIdOf(c.code) === id)
  if (!city) return fail(404, "City not found", `No city with id ${ctx.params.id}`)
  return ok(single(cityResource(ctx.render, city)))
}
