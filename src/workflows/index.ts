// The package's "./workflows" export (package.json "exports"): the workflows a
// store may run or hook into from its own code, e.g.
//   import { importKaspiOrderWorkflow } from "medusa-plugin-kaspi/workflows"
// Only workflows live here; the ticks that start them are in src/lib/sync and src/lib/outbox.
export * from "./import-kaspi-order"
export * from "./build-kaspi-feed"
export * from "./request-kaspi-action"
export * from "./send-kaspi-action"
export * from "./sync-kaspi-status"
export * from "./complete-medusa-order"
export * from "./reduce-medusa-order-line"
export * from "./follow-kaspi-order-lines"
export * from "./open-medusa-return"
export * from "./receive-medusa-return"
export * from "./record-kaspi-refund"
export * from "./setup-kaspi-account"
export * from "./send-kaspi-cards"
