// The Kaspi API route table (paths below /shop/api).

import type { ApiContext, ApiResult } from "../http"
import { Router } from "../router"
import { getCity, listCities } from "./cities"
import { getImport, getImportResult, getImportSchema, listAttributes, listAttributeValues, listCategories, postImport } from "./content"
import { getEntry, getEntryPointOfService, getEntryProduct } from "./entries"
import { imeiOperation } from "./imei"
import { listOrders } from "./orders-list"
import { getOrder, getOrderEntries, getOrderUser } from "./orders-read"
import { entryCancelOperation, orderPartialCancel } from "./partial-cancel"
import { getPointOfService, getPointOfServiceCity } from "./points"
import { getMasterProduct, getMerchantProduct } from "./products"
import { getReview, listReviews } from "./reviews"
import { changeStatus } from "./status-change"
import { getWaybill } from "./waybill"

export type ApiHandler = (ctx: ApiContext) => ApiResult

export function buildApiRouter(): Router<ApiHandler> {
  return new Router<ApiHandler>()
    .add("GET", "/v2/orders", listOrders)
    .add("POST", "/v2/orders", changeStatus)
    .add("GET", "/v2/orders/:id", getOrder)
    .add("GET", "/v2/orders/:id/entries", getOrderEntries)
    .add("GET", "/v2/orders/:id/user", getOrderUser)
    .add("GET", "/v2/orderentries/:id", getEntry)
    .add("GET", "/v2/orderentries/:id/product", getEntryProduct)
    .add("GET", "/v2/orderentries/:id/deliveryPointOfService", getEntryPointOfService)
    .add("GET", "/v2/masterproducts/:id", getMasterProduct)
    .add("GET", "/v2/masterproducts/:id/merchantProduct", getMerchantProduct)
    .add("GET", "/v2/pointofservices/:id", getPointOfService)
    .add("GET", "/v2/pointofservices/:id/city", getPointOfServiceCity)
    .add("GET", "/v2/cities", listCities)
    .add("GET", "/v2/cities/:id", getCity)
    .add("GET", "/v2/merchantreviews", listReviews)
    .add("GET", "/v2/merchantreviews/:orderId", getReview)
    .add("POST", "/v2/orderEntryCancelOperation", entryCancelOperation)
    .add("PUT", "/orderPartialCancel/:orderId", orderPartialCancel)
    .add("POST", "/v2/orderEntryImeiOperation", imeiOperation)
    .add("GET", "/waybill/:token", getWaybill)
    // The product content API (a.14), plain JSON.
    .add("GET", "/products/classification/categories", listCategories)
    .add("GET", "/products/classification/attributes", listAttributes)
    .add("GET", "/products/classification/attribute/values", listAttributeValues)
    .add("GET", "/products/import/schema", getImportSchema)
    .add("POST", "/products/import", postImport)
    .add("GET", "/products/import", getImport)
    .add("GET", "/products/import/result", getImportResult)
}

/** The route whose body may be larger than MAX_BODY_BYTES (up to the content settings' maxBodyBytes). */
export const PRODUCT_IMPORT_ROUTE = "POST /products/import"
