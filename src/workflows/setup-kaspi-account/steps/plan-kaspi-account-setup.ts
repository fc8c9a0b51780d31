import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { KASPI_CURRENCY, KASPI_SALES_CHANNEL_NAME, KASPI_SHIPPING_OPTION_NAME } from "../../../lib/sync/kaspi-account-setup"

/** The manual fulfilment provider Medusa ships with: the "Kaspi" shipping option uses it. */
export const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"
/** Name of the fulfilment set (and so of its service zone's parent) the "Kaspi" option lives in. */
export const KASPI_FULFILLMENT_SET_NAME = "Kaspi"

export interface KaspiShippingOptionPlan {
  /** the default shipping profile, or null when one must be created */
  shipping_profile_id: string | null
  /** the location does not offer the manual provider yet */
  link_manual_provider: boolean
  /** the location has no "Kaspi" fulfilment set yet */
  create_fulfillment_set: boolean
  /** the "Kaspi" set's service zone, or null when one must be created */
  service_zone_id: string | null
}

export interface KaspiAccountSetupPlan {
  account_id: string
  /** an existing id, or null: create it (the `create_*` flags below say so too) */
  region_id: string | null
  /** "kz" may belong to one region only: a KZT region is created without it when another has it */
  region_countries: string[]
  sales_channel_id: string | null
  stock_location_id: string | null
  /** locations already linked to the chosen sales channel */
  linked_location_ids: string[]
  /** locations mapped to Kaspi stores: the sales channel must reach every one */
  mapped_location_ids: string[]
  shipping_option_id: string | null
  /** set when the shipping option must be created */
  shipping: KaspiShippingOptionPlan | null
}

interface IdRow {
  id: string
}

/**
 * Reads what is there and decides, without changing anything, what the setup
 * must create: ids given in the plugin options win, then what an earlier
 * setup stored (while it still exists), then a match by name or currency.
 * Throws for an account the plugin options do not know.
 */
export const planKaspiAccountSetupStep = createStep(
  "plan-kaspi-account-setup",
  async (input: { account_id: string }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const opts = kaspi.getResolvedOptions().orders
    const accountId = kaspi.getAccount(input.account_id).id
    const [settings] = await kaspi.listKaspiAccountSettings({ account_id: accountId })

    const stillThere = async (entity: string, id: string | null | undefined): Promise<string | null> =>
      id && (await query.graph({ entity, fields: ["id"], filters: { id } })).data.length ? id : null

    // Region: KZT prices, Kazakhstan.
    let regionId = opts.regionId ?? (await stillThere("region", settings?.region_id))
    let regionCountries: string[] = []
    if (!regionId) {
      const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] })
      const regions = data as Array<IdRow & { currency_code: string; countries?: Array<{ iso_2: string }> | null }>
      regionId = regions.find((r) => r.currency_code === KASPI_CURRENCY)?.id ?? null
      const kzTaken = regions.some((r) => (r.countries ?? []).some((c) => c.iso_2 === "kz"))
      regionCountries = kzTaken ? [] : ["kz"]
    }

    // Sales channel: Kaspi orders are kept apart from the web shop's.
    let salesChannelId = opts.salesChannelId ?? (await stillThere("sales_channel", settings?.sales_channel_id))
    if (!salesChannelId) {
      const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: KASPI_SALES_CHANNEL_NAME } })
      salesChannelId = (data as IdRow[])[0]?.id ?? null
    }
    let linkedLocationIds: string[] = []
    if (salesChannelId) {
      const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: salesChannelId } })
      linkedLocationIds = ((data as Array<{ stock_locations?: IdRow[] | null }>)[0]?.stock_locations ?? []).map((l) => l.id)
    }

    // Stock location: the owner's choice, else a mapped Kaspi store, else any.
    const mappings = await kaspi.listKaspiStoreMappings({ account_id: accountId })
    let locationId = opts.stockLocationId ?? (await stillThere("stock_location", settings?.stock_location_id))
    if (!locationId) {
      const { data } = await query.graph({ entity: "stock_location", fields: ["id"] })
      const locations = data as IdRow[]
      locationId =
        mappings.find((m) => locations.some((l) => l.id === m.stock_location_id))?.stock_location_id ?? locations[0]?.id ?? null
    }

    // Shipping option "Kaspi": Kaspi's delivery cost is carried on it, and fulfilments use it.
    let shippingOptionId = opts.shippingOptionId ?? (await stillThere("shipping_option", settings?.shipping_option_id))
    if (!shippingOptionId) {
      const { data } = await query.graph({ entity: "shipping_option", fields: ["id"], filters: { name: KASPI_SHIPPING_OPTION_NAME } })
      shippingOptionId = (data as IdRow[])[0]?.id ?? null
    }
    const shipping = shippingOptionId ? null : await planShippingOption(query, locationId)

    const plan: KaspiAccountSetupPlan = {
      account_id: accountId,
      region_id: regionId,
      region_countries: regionCountries,
      sales_channel_id: salesChannelId,
      stock_location_id: locationId,
      linked_location_ids: linkedLocationIds,
      mapped_location_ids: [...new Set(mappings.map((m) => m.stock_location_id))],
      shipping_option_id: shippingOptionId,
      shipping,
    }
    return new StepResponse(plan)
  }
)

/** What the "Kaspi" shipping option still needs at the chosen location (a new location needs everything). */
async function planShippingOption(query: Pick<RemoteQueryFunction, "graph">, locationId: string | null): Promise<KaspiShippingOptionPlan> {
  const { data: profileRows } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  const profiles = profileRows as Array<IdRow & { type: string }>
  const profileId = profiles.find((p) => p.type === "default")?.id ?? profiles[0]?.id ?? null
  if (!locationId) {
    return { shipping_profile_id: profileId, link_manual_provider: true, create_fulfillment_set: true, service_zone_id: null }
  }
  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_providers.id", "fulfillment_sets.id", "fulfillment_sets.name", "fulfillment_sets.service_zones.id"],
    filters: { id: locationId },
  })
  const location = (data as Array<{
    fulfillment_providers?: IdRow[] | null
    fulfillment_sets?: Array<IdRow & { name: string; service_zones?: IdRow[] | null }> | null
  }>)[0]
  const kaspiSet = (location?.fulfillment_sets ?? []).find((s) => s.name === KASPI_FULFILLMENT_SET_NAME)
  return {
    shipping_profile_id: profileId,
    link_manual_provider: !(location?.fulfillment_providers ?? []).some((p) => p.id === MANUAL_FULFILLMENT_PROVIDER),
    create_fulfillment_set: !kaspiSet,
    service_zone_id: kaspiSet?.service_zones?.[0]?.id ?? null,
  }
}
