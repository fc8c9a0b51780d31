import type { ModulesSdkTypes } from "@medusajs/framework/types"
import type { KaspiEvent } from "../models"
import type { KaspiEventInput } from "../types"

type InjectedDependencies = {
  kaspiEventService: ModulesSdkTypes.IMedusaInternalService<typeof KaspiEvent>
}

/** The history of each order and account (kaspi_event): what happened, and what came of it. */
export class KaspiEventLog {
  protected readonly events_: InjectedDependencies["kaspiEventService"]

  constructor(deps: InjectedDependencies) {
    this.events_ = deps.kaspiEventService
  }

  /** Appends to an order's history (and the account's). */
  async log({ text, ...event }: KaspiEventInput): Promise<void> {
    // The code and parameters sit in data beside what callers store there (no column of their own, no migration).
    const data = text ? { ...(event.data ?? {}), code: text.code, params: text.params } : event.data
    await this.events_.create({ result: "info", ...event, data })
  }

  /** The data of the account's newest event of this type, or null when there is none. */
  async latestData(accountId: string, type: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.events_.list(
      { account_id: accountId, type },
      { select: ["data", "created_at"], order: { created_at: "DESC" }, take: 1 }
    )
    return (row?.data as Record<string, unknown> | null | undefined) ?? null
  }
}
