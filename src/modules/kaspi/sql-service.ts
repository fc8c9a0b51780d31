import type { Context, DAL } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/** The shared context a method decorated with @InjectManager receives: its manager runs the SQL. */
export type SqlContext = Context<EntityManager>

/** What the base needs from the module's container. */
export type KaspiSqlDeps = { baseRepository: DAL.RepositoryService }

/**
 * The base of the module's services that write their own SQL: Medusa's
 * @InjectManager reads `this.baseRepository_` to hand each method a manager
 * (the caller's transaction, or a fresh one). It lives outside services/,
 * where Medusa would register it as a service of its own.
 */
export abstract class KaspiSqlService {
  protected readonly baseRepository_: DAL.RepositoryService

  constructor(deps: KaspiSqlDeps) {
    this.baseRepository_ = deps.baseRepository
  }
}
