import { InjectManager, MedusaContext, generateEntityId } from "@medusajs/framework/utils"
import type { KaspiAttributeSource } from "../../../lib/cards/card-types"
import { KaspiSqlService, type SqlContext } from "../sql-service"


export type KaspiCardSources = Record<string, KaspiAttributeSource>

/** The merchant's attribute mapping per shop and Kaspi category (kaspi_card_category_mapping): one row each, saved whole. */
export class KaspiCardMappings extends KaspiSqlService {

  @InjectManager()
  async get(accountId: string, category: string, @MedusaContext() sharedContext: SqlContext = {}): Promise<KaspiCardSources | null> {
    const [row] = (await sharedContext.manager!.execute(
      `select sources from kaspi_card_category_mapping where account_id = ? and category = ? and deleted_at is null`,
      [accountId, category]
    )) as Array<{ sources: KaspiCardSources }>
    return row?.sources ?? null
  }

  @InjectManager()
  async save(accountId: string, category: string, sources: KaspiCardSources, @MedusaContext() sharedContext: SqlContext = {}): Promise<KaspiCardSources> {
    await sharedContext.manager!.execute(
      `insert into kaspi_card_category_mapping (id, account_id, category, sources) values (?, ?, ?, ?::jsonb)
       on conflict (account_id, category) where deleted_at is null do update set sources = excluded.sources, updated_at = now()`,
      [generateEntityId(undefined, "kccm"), accountId, category, JSON.stringify(sources)]
    )
    return sources
  }
}
