import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import {
  associateLocationsWithSalesChannelsStep,
  createLocationFulfillmentSetWorkflow,
  createRegionsWorkflow,
  createRemoteLinkStep,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
} from "@medusajs/medusa/core-flows"
import { KASPI_CURRENCY, KASPI_SALES_CHANNEL_NAME, KASPI_SHIPPING_OPTION_NAME } from "../../lib/sync/kaspi-account-setup"
import { findKaspiFulfillmentSetStep } from "./steps/find-kaspi-fulfillment-set"
import { KASPI_FULFILLMENT_SET_NAME, MANUAL_FULFILLMENT_PROVIDER, planKaspiAccountSetupStep } from "./steps/plan-kaspi-account-setup"
import { saveKaspiAccountSetupStep } from "./steps/save-kaspi-account-setup"

/** The id a nested creation returned; its `when` ran because the plan found none to choose. */
function createdId(created: Array<{ id: string }> | undefined, what: string): string {
  const id = created?.[0]?.id
  if (!id) throw new Error(`Kaspi account setup: no ${what} was chosen or created`)
  return id
}

export const SETUP_KASPI_ACCOUNT_WORKFLOW = "setup-kaspi-account"

export interface SetupKaspiAccountInput {
  /** the Kaspi account id from the plugin options ("default" for a single shop) */
  account_id: string
}

/**
 * Chooses, or creates when there is none, what Kaspi imports need on the
 * Medusa side: a KZT region, the "Kaspi.kz" sales channel, a stock location
 * linked to it (and to every location mapped to a Kaspi store), and the
 * "Kaspi" shipping option (manual provider, 0 ₸, hidden from the web shop).
 * Ids given in the plugin options win. It looks before it creates, so running
 * it again changes nothing; Medusa's own workflows do the creating, nested as
 * steps, so a failure part-way undoes what this run created. Runs at install
 * (the plugin's migration script), from `POST /admin/kaspi/accounts/:id/setup`,
 * and once from the order sync when an account has no stored setup.
 *
 * @example
 * const { result: setup } = await setupKaspiAccountWorkflow(container).run({
 *   input: { account_id: "default" },
 * })
 * // setup: { account_id, region_id, sales_channel_id, stock_location_id, shipping_option_id, currency_code: "kzt" }
 */
export const setupKaspiAccountWorkflow = createWorkflow(SETUP_KASPI_ACCOUNT_WORKFLOW, (input: SetupKaspiAccountInput) => {
  const plan = planKaspiAccountSetupStep(input)

  const createdRegions = when("kaspi-setup-create-region", { plan }, ({ plan }) => !plan.region_id).then(() =>
    createRegionsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        regions: [
          {
            name: "Kazakhstan (Kaspi.kz)",
            currency_code: KASPI_CURRENCY,
            countries: plan.region_countries,
            payment_providers: ["pp_system_default"],
            automatic_taxes: false,
          },
        ],
      })),
    })
  )
  const createdChannels = when("kaspi-setup-create-sales-channel", { plan }, ({ plan }) => !plan.sales_channel_id).then(() =>
    createSalesChannelsWorkflow.runAsStep({
      input: { salesChannelsData: [{ name: KASPI_SALES_CHANNEL_NAME, description: "Orders imported from the Kaspi.kz marketplace" }] },
    })
  )
  const createdLocations = when("kaspi-setup-create-stock-location", { plan }, ({ plan }) => !plan.stock_location_id).then(() =>
    createStockLocationsWorkflow.runAsStep({
      input: { locations: [{ name: "Kaspi warehouse", address: { address_1: "—", city: "Almaty", country_code: "kz" } }] },
    })
  )
  const ids = transform({ plan, createdRegions, createdChannels, createdLocations }, (d) => ({
    region_id: d.plan.region_id ?? createdId(d.createdRegions, "region"),
    sales_channel_id: d.plan.sales_channel_id ?? createdId(d.createdChannels, "sales channel"),
    stock_location_id: d.plan.stock_location_id ?? createdId(d.createdLocations, "stock location"),
  }))

  // The sales channel reaches the chosen location and every location mapped to a Kaspi store.
  const missingLinks = transform({ plan, ids }, ({ plan, ids }) => {
    const linked = new Set(plan.linked_location_ids)
    return [...new Set([ids.stock_location_id, ...plan.mapped_location_ids])]
      .filter((id) => !linked.has(id))
      .map((location_id) => ({ sales_channel_id: ids.sales_channel_id, location_id }))
  })
  when("kaspi-setup-link-locations", { missingLinks }, ({ missingLinks }) => missingLinks.length > 0).then(() => {
    associateLocationsWithSalesChannelsStep({ links: missingLinks })
  })

  // The "Kaspi" shipping option, and what it stands on (one flat `when` each: Medusa's composer does not nest them).
  const createdProfiles = when("kaspi-setup-create-shipping-profile", { plan }, ({ plan }) =>
    Boolean(plan.shipping && !plan.shipping.shipping_profile_id)
  ).then(() => createShippingProfilesWorkflow.runAsStep({ input: { data: [{ name: "Default", type: "default" }] } }))
  when("kaspi-setup-link-manual-provider", { plan }, ({ plan }) => Boolean(plan.shipping?.link_manual_provider)).then(() => {
    createRemoteLinkStep(
      transform({ ids }, ({ ids }) => [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: ids.stock_location_id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER },
        },
      ])
    )
  })
  when("kaspi-setup-create-fulfillment-set", { plan }, ({ plan }) => Boolean(plan.shipping?.create_fulfillment_set)).then(() => {
    createLocationFulfillmentSetWorkflow.runAsStep({
      input: transform({ ids }, ({ ids }) => ({
        location_id: ids.stock_location_id,
        fulfillment_set_data: { name: KASPI_FULFILLMENT_SET_NAME, type: "shipping" },
      })),
    })
  })
  const createdZones = when("kaspi-setup-create-service-zone", { plan }, ({ plan }) =>
    Boolean(plan.shipping && !plan.shipping.service_zone_id)
  ).then(() => {
    const set = findKaspiFulfillmentSetStep(transform({ ids }, ({ ids }) => ({ location_id: ids.stock_location_id })))
    return createServiceZonesWorkflow.runAsStep({
      input: transform({ set }, ({ set }) => ({
        data: [
          {
            name: "Kazakhstan",
            fulfillment_set_id: set.fulfillment_set_id,
            geo_zones: [{ type: "country" as const, country_code: "kz" }],
          },
        ],
      })),
    })
  })
  const createdOptions = when("kaspi-setup-create-shipping-option", { plan }, ({ plan }) => Boolean(plan.shipping)).then(() =>
    createShippingOptionsWorkflow.runAsStep({
      input: transform({ plan, createdProfiles, createdZones }, ({ plan, createdProfiles, createdZones }) => [
        {
          name: KASPI_SHIPPING_OPTION_NAME,
          price_type: "flat" as const,
          provider_id: MANUAL_FULFILLMENT_PROVIDER,
          service_zone_id: plan.shipping?.service_zone_id ?? createdId(createdZones, "service zone"),
          shipping_profile_id: plan.shipping?.shipping_profile_id ?? createdId(createdProfiles, "shipping profile"),
          type: { label: "Kaspi", description: "Delivered or handed over through Kaspi.kz", code: "kaspi" },
          prices: [{ currency_code: KASPI_CURRENCY, amount: 0 }],
          // Not offered at the web shop's checkout: only Kaspi imports use it.
          rules: [
            { attribute: "enabled_in_store", value: "false", operator: "eq" as const },
            { attribute: "is_return", value: "false", operator: "eq" as const },
          ],
        },
      ]),
    })
  )

  const setup = saveKaspiAccountSetupStep(
    transform({ plan, ids, createdOptions }, ({ plan, ids, createdOptions }) => ({
      account_id: plan.account_id,
      ...ids,
      shipping_option_id: plan.shipping_option_id ?? createdId(createdOptions, "shipping option"),
    }))
  )
  return new WorkflowResponse(setup)
})
