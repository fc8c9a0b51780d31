import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { findLiveBuild, getOrCreateFeedConfig, listStoreMappings } from "../../../lib/feed/feed-store"
import { formatFeedDate, type FeedHeader } from "../../../lib/feed/render-offer"
import type { FeedSettings } from "../../../lib/feed/settings"
import type { StoreMapping } from "../../../lib/feed/types"

export interface KaspiFeedContext {
  account_id: string
  settings: FeedSettings
  stores: StoreMapping[]
  header: FeedHeader
  live_build_id: string | null
  live_body_hash: string | null
}

/** Everything a build needs, read once: account, settings, store mappings, the live build. No writes but the lazy config row. */
export const loadKaspiFeedContextStep = createStep(
  "load-kaspi-feed-context",
  async (input: { account_id: string; now?: string }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const account = kaspi.getAccount(input.account_id)
    const config = await getOrCreateFeedConfig(kaspi, account.id)
    const s = config.settings
    const [stores, live] = await Promise.all([listStoreMappings(kaspi, account.id), findLiveBuild(kaspi, account.id)])
    const ctx: KaspiFeedContext = {
      account_id: account.id,
      settings: s,
      stores,
      header: {
        company: s.company_name ?? account.name ?? account.merchantId,
        merchantId: s.merchant_id ?? account.merchantId,
        date: formatFeedDate(input.now ? new Date(input.now) : new Date()),
      },
      live_build_id: live?.id ?? null,
      live_body_hash: live?.body_hash ?? null,
    }
    return new StepResponse(ctx)
  }
)
