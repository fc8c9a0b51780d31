import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { KASPI_CURRENCY, type KaspiAccountSetup } from "../../../lib/sync/kaspi-account-setup"

type SetupIds = Pick<KaspiAccountSetup, "region_id" | "sales_channel_id" | "stock_location_id" | "shipping_option_id">

/** What the settings row held before, to put back if the workflow fails after this step. */
type Previous = { id: string; created: boolean; ids: { [K in keyof SetupIds]: string | null } }

/**
 * Stores the chosen ids on the account's kaspi_account_settings row (created
 * when there is none): imports read them from there and never guess.
 */
export const saveKaspiAccountSetupStep = createStep(
  "save-kaspi-account-setup",
  async (input: SetupIds & { account_id: string }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const { account_id, ...ids } = input
    const [existing] = await kaspi.listKaspiAccountSettings({ account_id })
    const settings = existing ?? (await kaspi.createKaspiAccountSettings({ account_id }))
    await kaspi.updateKaspiAccountSettings({ id: settings.id, ...ids })
    const previous: Previous = {
      id: settings.id,
      created: !existing,
      ids: {
        region_id: existing?.region_id ?? null,
        sales_channel_id: existing?.sales_channel_id ?? null,
        stock_location_id: existing?.stock_location_id ?? null,
        shipping_option_id: existing?.shipping_option_id ?? null,
      },
    }
    const setup: KaspiAccountSetup = { account_id, currency_code: KASPI_CURRENCY, ...ids }
    return new StepResponse(setup, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    if (previous.created) await kaspi.deleteKaspiAccountSettings(previous.id)
    else await kaspi.updateKaspiAccountSettings({ id: previous.id, ...previous.ids })
  }
)
