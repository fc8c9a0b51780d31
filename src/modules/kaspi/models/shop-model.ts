import { model } from "@medusajs/framework/utils"
import type { DMLSchema } from "@medusajs/framework/types"

/**
 * Every Kaspi table belongs to a shop: `account_id` is the shop's slug from
 * the plugin options (not a Medusa id, so no link). These two say so once,
 * with the table's id prefix; what a table adds is its own schema. The
 * migrations' generator reads only the models this makes (it skips functions).
 */

/** A table with many rows per shop (orders, events, actions, mappings…). */
export const shopModel = <const Name extends string, Schema extends DMLSchema>(name: Name, prefix: string, schema: Schema) =>
  model.define(name, { id: model.id({ prefix }).primaryKey(), account_id: model.text(), ...schema })

/** A table with at most one row per shop (its settings, its sync state…): the unique account_id enforces it. */
export const onePerShopModel = <const Name extends string, Schema extends DMLSchema>(name: Name, prefix: string, schema: Schema) =>
  model.define(name, { id: model.id({ prefix }).primaryKey(), account_id: model.text().unique(), ...schema })
