import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createLocationFulfillmentSetWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"

export const KASPI_SALES_CHANNEL_NAME = "Kaspi.kz"
export const KASPI_SHIPPING_OPTION_NAME = "Kaspi"
export const KASPI_CURRENCY = "kzt"

export interface KaspiAccountSetup {
  account_id: string
  region_id: string
  sales_channel_id: string
  stock_location_id: string
  shipping_option_id: string
  currency_code: string
}

type Query = { graph: (q: Record<string, unknown>) => Promise<{ data: any[] }> }

/**
 * Chooses, or creates when there is none, what a Kaspi import needs on the
 * Medusa side: a KZT region, the "Kaspi.kz" sales channel, a stock location
 * linked to it, and a "Kaspi" shipping option. Ids given in the plugin options
 * win. Runs at install (migration script) and from the settings page; every
 * step looks before it creates, so running it again changes nothing. Each
 * creation is a core workflow with its own compensation.
 */
export async function ensureKaspiAccountSetup(container: MedusaContainer, accountId: string): Promise<KaspiAccountSetup> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK) as { create: (l: unknown) => Promise<unknown> }
  const opts = kaspi.getResolvedOptions().orders
  kaspi.getAccount(accountId)

  const [existing] = await kaspi.listKaspiAccountSettings({ account_id: accountId })
  const settings = existing ?? (await kaspi.createKaspiAccountSettings({ account_id: accountId }))

  const exists = async (entity: string, id: string | null | undefined) =>
    Boolean(id && (await query.graph({ entity, fields: ["id"], filters: { id } })).data.length)

  // Region: KZT prices, Kazakhstan.
  let regionId = opts.regionId ?? (await exists("region", settings.region_id) ? settings.region_id : null)
  if (!regionId) {
    const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] })
    const kzt = regions.find((r) => r.currency_code === KASPI_CURRENCY)
    if (kzt) {
      regionId = kzt.id
    } else {
      const kzTaken = regions.some((r) => (r.countries ?? []).some((c: { iso_2: string }) => c.iso_2 === "kz"))
      const { result } = await createRegionsWorkflow(container).run({
        input: {
          regions: [
            {
              name: "Kazakhstan (Kaspi.kz)",
              currency_code: KASPI_CURRENCY,
              countries: kzTaken ? [] : ["kz"],
              payment_providers: ["pp_system_default"],
              automatic_taxes: false,
            },
          ],
        },
      })
      regionId = result[0].id
    }
  }

  // Sales channel: Kaspi orders are kept apart from the web shop's.
  let salesChannelId = opts.salesChannelId ?? (await exists("sales_channel", settings.sales_channel_id) ? settings.sales_channel_id : null)
  if (!salesChannelId) {
    const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: KASPI_SALES_CHANNEL_NAME } })
    salesChannelId =
      data[0]?.id ??
      (
        await createSalesChannelsWorkflow(container).run({
          input: { salesChannelsData: [{ name: KASPI_SALES_CHANNEL_NAME, description: "Orders imported from the Kaspi.kz marketplace" }] },
        })
      ).result[0].id
  }

  // Stock location: the owner's choice, else a mapped Kaspi store, else any, else a new one.
  let locationId = opts.stockLocationId ?? (await exists("stock_location", settings.stock_location_id) ? settings.stock_location_id : null)
  const mappings = await kaspi.listKaspiStoreMappings({ account_id: accountId })
  if (!locationId) {
    const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
    locationId =
      mappings.find((m) => locations.some((l) => l.id === m.stock_location_id))?.stock_location_id ??
      locations[0]?.id ??
      (
        await createStockLocationsWorkflow(container).run({
          input: { locations: [{ name: "Kaspi warehouse", address: { address_1: "—", city: "Almaty", country_code: "kz" } }] },
        })
      ).result[0].id
  }
  const locationIds = [...new Set([locationId as string, ...mappings.map((m) => m.stock_location_id)])]
  const { data: channelLinks } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: salesChannelId },
  })
  const linked = new Set((channelLinks[0]?.stock_locations ?? []).map((l: { id: string }) => l.id))
  for (const id of locationIds.filter((l) => !linked.has(l))) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id, add: [salesChannelId as string] } })
  }

  // Shipping option "Kaspi": Kaspi's delivery cost is carried on it, and fulfilments use it.
  let shippingOptionId =
    opts.shippingOptionId ?? (await exists("shipping_option", settings.shipping_option_id) ? settings.shipping_option_id : null)
  if (!shippingOptionId) {
    const { data } = await query.graph({ entity: "shipping_option", fields: ["id"], filters: { name: KASPI_SHIPPING_OPTION_NAME } })
    shippingOptionId = data[0]?.id ?? (await createKaspiShippingOption(container, query, link, locationId as string))
  }

  const setup = {
    region_id: regionId as string,
    sales_channel_id: salesChannelId as string,
    stock_location_id: locationId as string,
    shipping_option_id: shippingOptionId as string,
  }
  await kaspi.updateKaspiAccountSettings({ id: settings.id, ...setup })
  return { account_id: accountId, currency_code: KASPI_CURRENCY, ...setup }
}

async function createKaspiShippingOption(
  container: MedusaContainer,
  query: Query,
  link: { create: (l: unknown) => Promise<unknown> },
  locationId: string
): Promise<string> {
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  const profileId =
    profiles.find((p) => p.type === "default")?.id ??
    profiles[0]?.id ??
    (await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })).result[0].id

  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_providers.id", "fulfillment_sets.id", "fulfillment_sets.name", "fulfillment_sets.service_zones.id"],
    filters: { id: locationId },
  })
  const location = locations[0]
  if (!(location?.fulfillment_providers ?? []).some((p: { id: string }) => p.id === "manual_manual")) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  let serviceZoneId: string | undefined = (location?.fulfillment_sets ?? []).find(
    (s: { name: string }) => s.name === "Kaspi"
  )?.service_zones?.[0]?.id
  if (!serviceZoneId) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: { location_id: locationId, fulfillment_set_data: { name: "Kaspi", type: "shipping" } },
    })
    const fulfillment = container.resolve(Modules.FULFILLMENT) as {
      listFulfillmentSets: (f: unknown) => Promise<Array<{ id: string }>>
      createServiceZones: (d: unknown) => Promise<{ id: string }>
    }
    const [set] = await fulfillment.listFulfillmentSets({ name: "Kaspi" })
    const zone = await fulfillment.createServiceZones({
      name: "Kazakhstan",
      fulfillment_set_id: set.id,
      geo_zones: [{ type: "country", country_code: "kz" }],
    })
    serviceZoneId = zone.id
  }
  const { result } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: KASPI_SHIPPING_OPTION_NAME,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: serviceZoneId,
        shipping_profile_id: profileId,
        type: { label: "Kaspi", description: "Delivered or handed over through Kaspi.kz", code: "kaspi" },
        prices: [{ currency_code: KASPI_CURRENCY, amount: 0 }],
        // Not offered at the web shop's checkout: only Kaspi imports use it.
        rules: [
          { attribute: "enabled_in_store", value: "false", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  return result[0].id
}

/** The saved setup, or null while it is incomplete. */
export async function readKaspiAccountSetup(container: MedusaContainer, accountId: string): Promise<KaspiAccountSetup | null> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [s] = await kaspi.listKaspiAccountSettings({ account_id: accountId })
  if (!s?.region_id || !s.sales_channel_id || !s.stock_location_id || !s.shipping_option_id) return null
  return {
    account_id: accountId,
    region_id: s.region_id,
    sales_channel_id: s.sales_channel_id,
    stock_location_id: s.stock_location_id,
    shipping_option_id: s.shipping_option_id,
    currency_code: KASPI_CURRENCY,
  }
}
