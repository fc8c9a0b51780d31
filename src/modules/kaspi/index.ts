import { Module } from "@medusajs/framework/utils"
import KaspiModuleService from "./service"
import validateKaspiOptions from "./loaders/validate-options"

export const KASPI_MODULE = "kaspi"

export default Module(KASPI_MODULE, {
  service: KaspiModuleService,
  loaders: [validateKaspiOptions],
})

export { KaspiModuleService }
export * from "./client"
export type { KaspiPluginOptionsInput, KaspiResolvedOptions, KaspiAccountConfig } from "./options"
