import type { CreateNotificationDTO } from "@medusajs/framework/types"
import {
  FEED_CHANNEL,
  type KaspiNotificationKind,
  type KaspiNotificationLanguage,
} from "../../modules/kaspi/notification-options"
import { escapeXmlAttr, escapeXmlText } from "../feed/xml-escape"
import { kaspiNoticeText, type KaspiNoticeWords } from "./texts"
import { sayKaspiText } from "../texts/say-kaspi-text"
import { sayDisagreement } from "./say-disagreement"

/** Something to tell the merchant: its kind and the facts it is made of. */
export interface KaspiNotice extends KaspiNoticeWords {
  kind: KaspiNotificationKind
  account_id: string
  /**
   * What it is about within the account: the Kaspi order id, or "feed". With
   * the kind and the day it is what makes a notification go out once only.
   */
  subject: string
  /** Tells apart notices of one kind about one subject that are each sent once (an order's acceptance and hand-over deadlines). */
  topic?: string
  /** The Medusa order, when there is one: the link opens it. */
  order_id?: string | null
}

/** The calendar day in Almaty (YYYY-MM-DD): "once a day" is the merchant's day, not the server's. */
export function almatyDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(now)
}

/**
 * The notification's idempotency key, unique in Medusa's notification table:
 * a second one for the same kind, shop, subject and day is refused by the
 * database whichever instance sends it. Channels other than the feed add
 * their name, as each channel's notification is a row of its own.
 */
export function kaspiNotificationKey(notice: KaspiNotice, channel: string, now: Date): string {
  const subject = notice.topic ? `${notice.subject}:${notice.topic}` : notice.subject
  const key = `kaspi:${notice.kind}:${notice.account_id}:${subject}:${almatyDay(now)}`
  return channel === FEED_CHANNEL ? key : `${key}:${channel}`
}

/** Where in the admin the merchant acts on it; `admin` is the admin's path, or its URL when the backend's is known. */
export function kaspiNoticePath(notice: KaspiNotice, admin: string): string {
  if (notice.kind === "feed_refused") return `${admin}/settings/kaspi`
  return notice.order_id ? `${admin}/orders/${notice.order_id}` : `${admin}/kaspi`
}

/** The admin's address from medusa-config: absolute when `admin.backendUrl` is a URL (an email needs one), else the path. */
export function adminBase(admin: { path?: string; backendUrl?: string } | undefined): string {
  const path = admin?.path ?? "/app"
  const backend = admin?.backendUrl ?? ""
  return /^https?:\/\//.test(backend) ? `${backend.replace(/\/+$/, "")}${path}` : path
}

/** What Medusa's notification points at: the order, else the Kaspi order (by Kaspi's id), or the shop's feed. */
function resource(notice: KaspiNotice): { resource_type: string; resource_id: string } {
  if (notice.kind === "feed_refused") return { resource_type: "kaspi_feed", resource_id: notice.account_id }
  return notice.order_id ? { resource_type: "order", resource_id: notice.order_id } : { resource_type: "kaspi_order", resource_id: notice.subject }
}

/**
 * One notification for one channel. The admin's bell shows `data.title` and
 * `data.description` of the feed's notifications addressed to "" (every
 * admin); other providers get the same words as `content` (an email provider
 * such as SendGrid sends its subject and html), and `template`
 * (`kaspi-<kind>`) for those that render their own.
 */
export function buildKaspiNotification(
  notice: KaspiNotice,
  opts: { channel: string; to?: string; language: KaspiNotificationLanguage; admin: string; now: Date }
): CreateNotificationDTO {
  // The reason in the notification's language when it has a code (an import reason, a disagreement), else as it was said.
  const said = notice.disagreement
    ? sayDisagreement(opts.language, notice.disagreement)
    : notice.reason_text
      ? sayKaspiText(opts.language, notice.reason_text.code, notice.reason_text.params)
      : null
  // The kind's sentence puts its own full stop after the reason.
  const reason = (said ?? notice.reason)?.replace(/\.\s*$/, "")
  const { title, description } = kaspiNoticeText(notice.kind, opts.language, { ...notice, reason })
  const url = kaspiNoticePath(notice, opts.admin)
  return {
    to: opts.channel === FEED_CHANNEL ? "" : (opts.to ?? ""),
    channel: opts.channel,
    template: `kaspi-${notice.kind}`,
    data: { title, description, url, kind: notice.kind, account_id: notice.account_id, code: notice.code ?? null },
    content: {
      subject: title,
      text: `${description}\n\n${url}`,
      html: `<p>${escapeXmlText(description)}</p><p><a href="${escapeXmlAttr(url)}">${escapeXmlText(url)}</a></p>`,
    },
    trigger_type: `kaspi.${notice.kind}`,
    ...resource(notice),
    idempotency_key: kaspiNotificationKey(notice, opts.channel, opts.now),
  }
}
