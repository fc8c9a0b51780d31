import { InjectManager, MedusaContext, MedusaError, generateEntityId } from "@medusajs/framework/utils"
import { KaspiApiError, type KaspiContentAttribute, type KaspiContentCategory, type KaspiContentValue } from "../client"
import type { KaspiResolvedOptions } from "../options"
import type { KaspiClientPool } from "./kaspi-client-pool"
import { KaspiSqlService, type KaspiSqlDeps, type SqlContext } from "../sql-service"

type InjectedDependencies = KaspiSqlDeps & {
  kaspiClientPool: KaspiClientPool
  kaspiResolvedOptions: KaspiResolvedOptions
}

/** A category attribute with, for an enum, Kaspi's recommended values. */
export type KaspiLeafAttribute = KaspiContentAttribute & { values?: KaspiContentValue[] }

export interface KaspiCached<T> {
  data: T
  fetched_at: Date
}

/**
 * Kaspi's classification (API.md a.14) — categories, a category's attributes,
 * an enum's recommended values — read through a cache per shop
 * (kaspi_classification_cache): the categories answer alone is ~4,300 entries,
 * about 400 KB, so it is read again only after `cards.classificationTtlHours`
 * or when the merchant asks for a refresh.
 */
export class KaspiClassification extends KaspiSqlService {
  protected readonly pool_: KaspiClientPool
  protected readonly ttlMs_: number

  constructor(deps: InjectedDependencies) {
    super(deps)
    this.pool_ = deps.kaspiClientPool
    this.ttlMs_ = deps.kaspiResolvedOptions.cards.classificationTtlHours * 3_600_000
  }

  /** The leaf categories, the only ones Kaspi takes cards in. */
  categories(accountId: string, refresh = false): Promise<KaspiCached<KaspiContentCategory[]>> {
    return this.read(accountId, "categories", refresh, async (client) => client.content.listCategories())
  }

  attributes(accountId: string, category: string, refresh = false): Promise<KaspiCached<KaspiContentAttribute[]>> {
    return this.read(accountId, `attributes:${category}`, refresh, async (client) => client.content.listCategoryAttributes(category))
  }

  values(accountId: string, category: string, attribute: string, refresh = false): Promise<KaspiCached<KaspiContentValue[]>> {
    return this.read(accountId, `values:${category}:${attribute}`, refresh, async (client) => client.content.listAttributeValues(category, attribute))
  }

  /**
   * A leaf category's attributes, each enum with Kaspi's recommended values, read through the cache: what
   * the card form shows and the card mapping checks against. A category Kaspi does not list (only leaves
   * take cards, API.md a.14) is refused, naming the field.
   */
  async leafCategory(accountId: string, category: string, refresh = false): Promise<KaspiCached<KaspiLeafAttribute[]>> {
    const categories = await this.categories(accountId, refresh)
    if (!categories.data.some((c) => c.code === category)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `category: "${category}" is not a leaf category Kaspi lists (API.md a.14: only leaf categories take cards)`)
    }
    const { data, fetched_at } = await this.attributes(accountId, category, refresh)
    const attributes: KaspiLeafAttribute[] = []
    for (const a of data) {
      // One read per enum attribute, each cached: Kaspi answers values per attribute only.
      attributes.push(a.type === "enum" ? { ...a, values: (await this.values(accountId, category, a.code, refresh)).data } : { ...a })
    }
    return { data: attributes, fetched_at }
  }

  @InjectManager()
  protected async read<T>(
    accountId: string,
    key: string,
    refresh: boolean,
    load: (client: Awaited<ReturnType<KaspiClientPool["get"]>>) => Promise<T>,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiCached<T>> {
    const manager = sharedContext.manager!
    const [row] = (await manager.execute(
      `select data, fetched_at from kaspi_classification_cache where account_id = ? and key = ? and deleted_at is null`,
      [accountId, key]
    )) as Array<{ data: T; fetched_at: Date }>
    const cached = row ? { data: row.data, fetched_at: new Date(row.fetched_at) } : null
    if (cached && !refresh && Date.now() - cached.fetched_at.getTime() < this.ttlMs_) return cached
    let data: T
    try {
      data = await load(await this.pool_.get(accountId))
    } catch (e) {
      if (!(e instanceof KaspiApiError)) throw e
      // Kaspi unreachable or the shop without a token: the last copy, however old, serves the form better than
      // nothing; with none, the merchant is told why in Kaspi's words (400, not an unknown error).
      if (cached) return cached
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Kaspi's classification (${key}) could not be read: ${e.message}`)
    }
    const [saved] = (await manager.execute(
      `insert into kaspi_classification_cache (id, account_id, key, data, fetched_at) values (?, ?, ?, ?::jsonb, now())
       on conflict (account_id, key) where deleted_at is null do update set data = excluded.data, fetched_at = excluded.fetched_at, updated_at = now()
       returning fetched_at`,
      [generateEntityId(undefined, "kcls"), accountId, key, JSON.stringify(data)]
    )) as Array<{ fetched_at: Date }>
    return { data, fetched_at: new Date(saved.fetched_at) }
  }
}
