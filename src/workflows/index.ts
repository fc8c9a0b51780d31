// The package's "./workflows" export (package.json "exports"): the workflows a
// store may run or hook into from its own code, e.g.
//   import { importKaspiOrderWorkflow } from "medusa-plugin-kaspi/workflows"
export * from "./import-kaspi-order"
export * from "./build-kaspi-feed"
export * from "./kaspi-actions"
export { ensureKaspiAccountSetup } from "./setup/ensure-kaspi-account-setup"
export { syncKaspiOrders } from "./sync-kaspi-orders/sync-kaspi-orders"
export { pollKaspiAccount } from "./sync-kaspi-orders/poll-kaspi-account"
