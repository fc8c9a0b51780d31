import { Modules } from "@medusajs/framework/utils"
import type { IEventBusModuleService, Logger } from "@medusajs/framework/types"

type InjectedDependencies = {
  [Modules.EVENT_BUS]?: IEventBusModuleService
  logger: Logger
}

/**
 * Announces, on Medusa's event bus, outcomes the module records that a person
 * should hear about (events.ts). An announcement is a side effect: it never
 * fails what was recorded.
 */
export class KaspiSignals {
  protected readonly eventBus_?: IEventBusModuleService
  protected readonly logger_: Logger

  constructor(deps: InjectedDependencies) {
    // The module's container holds the event bus only when the app has one (as MedusaService checks it).
    this.eventBus_ = Object.keys(deps).includes(Modules.EVENT_BUS) ? deps[Modules.EVENT_BUS] : undefined
    this.logger_ = deps.logger
  }

  async emit(name: string, data: Record<string, unknown>): Promise<void> {
    try {
      await this.eventBus_?.emit({ name, data })
    } catch (e) {
      this.logger_.warn(`medusa-plugin-kaspi: could not emit ${name}: ${(e as Error).message}`)
    }
  }
}
