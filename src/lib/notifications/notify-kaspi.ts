import type { ConfigModule, INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { adminBase, buildKaspiNotification, type KaspiNotice } from "./build-kaspi-notification"

export type KaspiNotifyOutcome = "sent" | "already_sent" | "off" | "no_provider" | "failed"

// The duplicate refused by the unique index on idempotency_key, when another instance got there first.
const DUPLICATE = /already exists|duplicate key|unique constraint/i
// What Medusa's Notification Module throws for a channel no provider of the store serves.
const NO_PROVIDER = /could not find a notification provider|is not enabled/i

// One warning per process and missing channel: a store without email would otherwise log it on every order.
const warned = new Set<string>()
function warnOnce(logger: Logger, key: string, message: string): void {
  if (warned.has(key)) return
  warned.add(key)
  logger.warn(`medusa-plugin-kaspi: ${message}`)
}

/**
 * Tells the merchant through Medusa's Notification Module, on each channel
 * the kind is configured for, at most once per kind, shop, subject and
 * Almaty day (the idempotency key; Medusa's notification table holds it
 * unique). Never throws: a notification must not break the import, action or
 * build that triggered it. Exported for features that notify by themselves
 * (the deadlines: `notifyKaspi(container, { kind: "deadline", … })`).
 */
export async function notifyKaspi(
  container: MedusaContainer,
  notice: KaspiNotice,
  now = new Date()
): Promise<Array<{ channel: string; outcome: KaspiNotifyOutcome }>> {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  try {
    const o = container.resolve<KaspiModuleService>(KASPI_MODULE).getResolvedOptions().notifications
    const kind = o.kinds[notice.kind]
    if (!o.enabled || !kind.enabled) return kind.channels.map((channel) => ({ channel, outcome: "off" }))
    const notifications = container.resolve<INotificationModuleService | undefined>(Modules.NOTIFICATION, { allowUnregistered: true })
    if (!notifications) {
      warnOnce(logger, "no-module", "the store has no Notification Module: Kaspi notifications are not sent")
      return kind.channels.map((channel) => ({ channel, outcome: "no_provider" }))
    }
    const admin = adminBase(container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE).admin)
    const results: Array<{ channel: string; outcome: KaspiNotifyOutcome }> = []
    for (const channel of kind.channels) {
      const dto = buildKaspiNotification(notice, { channel, to: kind.to, language: o.language, admin, now })
      results.push({ channel, outcome: await send(notifications, dto, logger) })
    }
    return results
  } catch (e) {
    logger.warn(`medusa-plugin-kaspi: notification "${notice.kind}" for ${notice.subject} not sent: ${(e as Error).message}`)
    return []
  }
}

async function send(
  notifications: INotificationModuleService,
  dto: Parameters<INotificationModuleService["createNotifications"]>[0] & { channel: string },
  logger: Logger
): Promise<KaspiNotifyOutcome> {
  try {
    // An existing key is skipped by Medusa and nothing comes back: sent earlier (today).
    const created = await notifications.createNotifications(dto)
    return created ? "sent" : "already_sent"
  } catch (e) {
    const message = (e as Error).message ?? String(e)
    if (DUPLICATE.test(message)) return "already_sent"
    if (NO_PROVIDER.test(message)) {
      warnOnce(logger, `channel:${dto.channel}`, `no notification provider serves channel "${dto.channel}": Kaspi notifications for it are not sent`)
      return "no_provider"
    }
    logger.warn(`medusa-plugin-kaspi: notification ${dto.idempotency_key} not sent: ${message}`)
    return "failed"
  }
}
