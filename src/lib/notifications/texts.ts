import type { KaspiNotificationKind, KaspiNotificationLanguage } from "../../modules/kaspi/notification-options"
import type { KaspiDeadlineKind } from "../../modules/kaspi/deadline"
import type { KaspiTextParams } from "../../types"
import type { KaspiDisagreement } from "../actions/disagreement"
import { actionNamesEn } from "../texts/said-en"
import { actionNamesRu } from "../texts/said-ru"

/** What a notification's words are made of (whatever the kind has). */
export interface KaspiNoticeWords {
  /** The Kaspi order code the merchant knows the order by. */
  code?: string
  /** Why, in the plugin's (English) words or Kaspi's. */
  reason?: string | null
  /** The same reason as a code and parameters, when the server has one: said in the notification's language instead. */
  reason_text?: { code: string; params: KaspiTextParams } | null
  /** disagreement: what disagrees (kaspi_order.disagreement), said in the notification's language instead of `reason`. */
  disagreement?: Pick<KaspiDisagreement, "kind" | "action" | "said"> | null
  /** The outbox action (accept, cancel…). */
  action?: string
  /** deadline: which one (deadline.ts), and by when (ISO time). */
  deadline?: KaspiDeadlineKind
  due_at?: string
}

type Text = (w: KaspiNoticeWords, action: string) => string
type KindTexts = { title: Text; description: Text }
type Dictionary = {
  actions: Record<string, string>
  deadlines: Record<KaspiDeadlineKind, string>
  kinds: Record<KaspiNotificationKind, KindTexts>
}

// Actions as the admin names them (lib/texts/said-*.ts), for the same merchant reading both.
const ru: Dictionary = {
  actions: actionNamesRu,
  deadlines: { accept: "Примите заказ", handover: "Передайте заказ курьеру Kaspi" },
  kinds: {
    new_order: {
      title: (w) => `Новый заказ Kaspi ${w.code}`,
      description: (w) =>
        `Заказ ${w.code} пришёл с Kaspi и создан в Medusa. Примите его, если он ещё не принят: Kaspi отменяет заказы, не принятые вовремя.`,
    },
    needs_attention: {
      title: (w) => `Заказ Kaspi ${w.code} требует внимания`,
      description: (w) =>
        `Заказ ${w.code} не удалось создать в Medusa${w.reason ? `: ${w.reason}` : ""}. ` +
        `Откройте страницу Kaspi: сопоставьте SKU или пополните остаток и нажмите «Повторить» — или отмените заказ в кабинете Kaspi.`,
    },
    action_failed: {
      title: (w) => `Kaspi не выполнил действие по заказу ${w.code}`,
      description: (w, action) =>
        `Действие «${action}» по заказу ${w.code} не прошло${w.reason ? `: ${w.reason}` : ""}. ` +
        `Откройте заказ и решите, отправить ли его снова, или выполните его в кабинете Kaspi.`,
    },
    disagreement: {
      title: (w) => `Medusa и Kaspi расходятся по заказу ${w.code}`,
      description: (w) =>
        `${w.reason ? `${w.reason}. ` : ""}Сверьте заказ ${w.code} в Medusa и в кабинете Kaspi, исправьте, где нужно, и отметьте расхождение решённым.`,
    },
    feed_refused: {
      title: () => "Прайс-лист Kaspi не опубликован",
      description: (w) =>
        `Проверка остановила новую сборку прайс-листа${w.reason ? `: ${w.reason}` : ""}. ` +
        `Kaspi по-прежнему получает последний опубликованный. Проверьте товары и остатки, затем в Настройки → Kaspi нажмите «Собрать сейчас».`,
    },
    deadline: {
      title: (w) => `Срок по заказу Kaspi ${w.code}`,
      description: (w) =>
        `${w.deadline ? ru.deadlines[w.deadline] : "Заказ ждёт действия"}${w.due_at ? ` — до ${almatyTime(w.due_at)} (Алматы)` : ""}. ` +
        `Успейте вовремя, иначе Kaspi может отменить заказ ${w.code}.`,
    },
  },
}

const en: Dictionary = {
  actions: actionNamesEn,
  deadlines: { accept: "Accept the order", handover: "Hand the order to the Kaspi courier" },
  kinds: {
    new_order: {
      title: (w) => `New Kaspi order ${w.code}`,
      description: (w) =>
        `Order ${w.code} came from Kaspi and was created in Medusa. Accept it if it is not accepted yet: Kaspi cancels orders not accepted in time.`,
    },
    needs_attention: {
      title: (w) => `Kaspi order ${w.code} needs attention`,
      description: (w) =>
        `Order ${w.code} could not be created in Medusa${w.reason ? `: ${w.reason}` : ""}. ` +
        `Open the Kaspi page: map the SKU or restock and press "Retry" — or cancel the order in the Kaspi seller cabinet.`,
    },
    action_failed: {
      title: (w) => `Kaspi did not take an action on order ${w.code}`,
      description: (w, action) =>
        `"${action}" on order ${w.code} did not go through${w.reason ? `: ${w.reason}` : ""}. ` +
        `Open the order and decide whether to send it again, or do it in the Kaspi seller cabinet.`,
    },
    disagreement: {
      title: (w) => `Medusa and Kaspi disagree on order ${w.code}`,
      description: (w) =>
        `${w.reason ? `${w.reason}. ` : ""}Compare order ${w.code} in Medusa and in the Kaspi seller cabinet, fix what is wrong and mark the disagreement resolved.`,
    },
    feed_refused: {
      title: () => "Kaspi price list not published",
      description: (w) =>
        `A guard held back the new price list${w.reason ? `: ${w.reason}` : ""}. ` +
        `Kaspi still gets the last published one. Check your products and stock, then press "Rebuild now" in Settings → Kaspi.`,
    },
    deadline: {
      title: (w) => `Deadline on Kaspi order ${w.code}`,
      description: (w) =>
        `${w.deadline ? en.deadlines[w.deadline] : "The order is waiting for you"}${w.due_at ? ` — by ${almatyTime(w.due_at)} (Almaty)` : ""}. ` +
        `Act in time, or Kaspi may cancel order ${w.code}.`,
    },
  },
}

const dictionaries: Record<KaspiNotificationLanguage, Dictionary> = { ru, en }

/** "05.12 14:30": the merchant's clock is Almaty's whatever the server's is. */
export function almatyTime(iso: string): string {
  const at = new Date(iso)
  if (!Number.isFinite(at.getTime())) return iso
  return new Intl.DateTimeFormat("ru-RU", {
    timeZone: "Asia/Almaty",
    day: "2-digit",
    month: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at)
}

/** The title and description of one notification, in the merchant's language. */
export function kaspiNoticeText(
  kind: KaspiNotificationKind,
  language: KaspiNotificationLanguage,
  words: KaspiNoticeWords
): { title: string; description: string } {
  const d = dictionaries[language]
  const action = words.action ? (d.actions[words.action] ?? words.action) : ""
  return { title: d.kinds[kind].title(words, action), description: d.kinds[kind].description(words, action) }
}
