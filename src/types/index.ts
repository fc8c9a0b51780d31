/**
 * The plugin's admin API, one set of types for the routes and the admin:
 * requests from the validators (z.input / z.infer), records from the models
 * (InferTypeOf), and the envelopes the routes send. The admin imports them
 * type-only (erased from its bundle) and reads dates as strings (Jsonified).
 *
 * Only files that are light to typecheck may be imported here (validators,
 * models, pure lib code): the admin's own tsconfig checks everything this
 * pulls in.
 */
export * from "./json"
export * from "./admin-orders"
export * from "./admin-accounts"
export * from "./admin-mappings"
export * from "./admin-feed"
export * from "./admin-overview"
export * from "./admin-backfills"
export * from "./kaspi-texts"
export * from "./admin-handover"
export * from "./admin-deadlines"
export * from "./admin-cards"
