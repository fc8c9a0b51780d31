import type { KaspiAccountInfo } from "../types"
import type { KaspiAccounts } from "./kaspi-accounts"
import type { KaspiClientPool } from "./kaspi-client-pool"
import type { KaspiEventLog } from "./kaspi-event-log"
import type { KaspiOutbox } from "./kaspi-outbox"
import { reviveGivenUpActions } from "./revive-given-up-actions"

type InjectedDependencies = {
  kaspiAccounts: KaspiAccounts
  kaspiClientPool: KaspiClientPool
  kaspiOutbox: KaspiOutbox
  kaspiEventLog: KaspiEventLog
}

/**
 * What follows a shop's token being saved or removed: the shop's client is
 * closed so the next request uses the new token at once, and actions given up
 * on without a working token go to Kaspi again.
 */
export class KaspiTokenChanges {
  protected readonly accounts_: KaspiAccounts
  protected readonly clients_: KaspiClientPool
  protected readonly outbox_: KaspiOutbox
  protected readonly events_: KaspiEventLog

  constructor(deps: InjectedDependencies) {
    this.accounts_ = deps.kaspiAccounts
    this.clients_ = deps.kaspiClientPool
    this.outbox_ = deps.kaspiOutbox
    this.events_ = deps.kaspiEventLog
  }

  async store(accountId: string, token: string, setBy?: string): Promise<KaspiAccountInfo> {
    await this.accounts_.storeToken(accountId, token, setBy)
    const info = await this.afterChange_(accountId)
    await reviveGivenUpActions(this.outbox_, this.events_, { accountId: info.id }, "token")
    return info
  }

  async clear(accountId: string): Promise<KaspiAccountInfo> {
    await this.accounts_.clearToken(accountId)
    return this.afterChange_(accountId)
  }

  private async afterChange_(accountId: string): Promise<KaspiAccountInfo> {
    const id = this.accounts_.get(accountId).id
    this.clients_.drop(id)
    return (await this.accounts_.describe()).find((a) => a.id === id)!
  }
}
