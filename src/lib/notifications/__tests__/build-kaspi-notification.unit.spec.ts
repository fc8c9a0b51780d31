import { resolveKaspiOptions, KaspiOptionsError } from "../../../modules/kaspi/options"
import { KASPI_NOTIFICATION_KINDS } from "../../../modules/kaspi/notification-options"
import { adminBase, almatyDay, buildKaspiNotification, kaspiNotificationKey, type KaspiNotice } from "../build-kaspi-notification"

const NOW = new Date("2026-12-05T19:30:00Z") // 00:30 on the 6th in Almaty (UTC+5)
const order: KaspiNotice = { kind: "needs_attention", account_id: "main", subject: "kaspi-77", code: "510001", reason: "SKU CASE-9 is not mapped" }

describe("notification options", () => {
  it("default to every kind on, in Russian, to the admin's feed", () => {
    const { notifications } = resolveKaspiOptions({ merchantId: "1" }, {})
    expect(notifications).toMatchObject({ enabled: true, language: "ru" })
    for (const k of KASPI_NOTIFICATION_KINDS) expect(notifications.kinds[k]).toEqual({ enabled: true, channels: ["feed"] })
  })

  it("switch a kind off, route another to email, and refuse what they do not know", () => {
    const { notifications } = resolveKaspiOptions(
      { merchantId: "1", notifications: { language: "en", kinds: { new_order: { enabled: false }, action_failed: { channels: ["feed", "email"], to: "ops@shop.kz" } } } },
      {}
    )
    expect(notifications.kinds.new_order).toEqual({ enabled: false, channels: ["feed"] })
    expect(notifications.kinds.action_failed).toEqual({ enabled: true, channels: ["feed", "email"], to: "ops@shop.kz" })
    expect(notifications.kinds.disagreement.enabled).toBe(true)
    expect(() => resolveKaspiOptions({ merchantId: "1", notifications: { kinds: { new_order: { channels: ["email"] } } } }, {})).toThrow(
      /notifications\.kinds\.new_order.*needs `to`/
    )
    expect(() => resolveKaspiOptions({ merchantId: "1", notifications: { kinds: { new_ordr: {} } } }, {})).toThrow(KaspiOptionsError)
    expect(() => resolveKaspiOptions({ merchantId: "1", notifications: { language: "kk" } }, {})).toThrow(/notifications\.language/)
  })
})

describe("buildKaspiNotification", () => {
  it("links the admin by its path, or by its URL when the backend's is configured", () => {
    expect(adminBase(undefined)).toBe("/app")
    expect(adminBase({ path: "/app", backendUrl: "/" })).toBe("/app")
    expect(adminBase({ path: "/admin", backendUrl: "https://api.shop.kz/" })).toBe("https://api.shop.kz/admin")
  })

  it("keys a notification by kind, shop, subject and the Almaty day (and channel beyond the feed)", () => {
    expect(almatyDay(NOW)).toBe("2026-12-06")
    expect(kaspiNotificationKey(order, "feed", NOW)).toBe("kaspi:needs_attention:main:kaspi-77:2026-12-06")
    expect(kaspiNotificationKey(order, "email", NOW)).toBe("kaspi:needs_attention:main:kaspi-77:2026-12-06:email")
  })

  it("says it in Russian for every admin's bell, with the order code, what to do and where", () => {
    const n = buildKaspiNotification(order, { channel: "feed", language: "ru", admin: "/app", now: NOW })
    expect(n).toMatchObject({ to: "", channel: "feed", template: "kaspi-needs_attention", resource_type: "kaspi_order", resource_id: "kaspi-77" })
    expect(n.data).toMatchObject({ title: "Заказ Kaspi 510001 требует внимания", url: "/app/kaspi", code: "510001" })
    expect(n.data?.description).toMatch(/^Заказ 510001 не удалось создать в Medusa: SKU CASE-9 is not mapped\. Откройте страницу Kaspi/)
  })

  it("says it in English, links the Medusa order and names the action as the admin does", () => {
    const n = buildKaspiNotification(
      { kind: "action_failed", account_id: "main", subject: "kaspi-77", code: "510001", order_id: "order_1", action: "send_code", reason: "Kaspi said <no> & more" },
      { channel: "email", to: "ops@shop.kz", language: "en", admin: "https://shop.kz/dashboard", now: NOW }
    )
    expect(n).toMatchObject({ to: "ops@shop.kz", resource_type: "order", resource_id: "order_1" })
    expect(n.data).toMatchObject({ title: "Kaspi did not take an action on order 510001", url: "https://shop.kz/dashboard/orders/order_1" })
    expect(n.data?.description).toMatch(/^"Send code" on order 510001 did not go through: Kaspi said <no> & more\./)
    expect(n.content).toMatchObject({ subject: n.data?.title, text: expect.stringMatching(/\n\nhttps:\/\/shop\.kz\/dashboard\/orders\/order_1$/) })
    expect(n.content?.html).toBe(
      '<p>"Send code" on order 510001 did not go through: Kaspi said &lt;no&gt; &amp; more. Open the order and decide whether to send it again, or do it in the Kaspi seller cabinet.</p>' +
        '<p><a href="https://shop.kz/dashboard/orders/order_1">https://shop.kz/dashboard/orders/order_1</a></p>'
    )
  })

  it("has words for every kind in both languages", () => {
    for (const language of ["ru", "en"] as const) {
      for (const kind of KASPI_NOTIFICATION_KINDS) {
        const n = buildKaspiNotification({ kind, account_id: "main", subject: "s", code: "510001", due_at: NOW.toISOString() }, { channel: "feed", language, admin: "/app", now: NOW })
        expect(String(n.data?.title)).not.toMatch(/undefined/)
        expect(String(n.data?.description)).not.toMatch(/undefined/)
      }
    }
    const deadline = buildKaspiNotification(
      { kind: "deadline", account_id: "main", subject: "kaspi-77", code: "510001", deadline: "accept", due_at: "2026-12-05T12:00:00Z" },
      { channel: "feed", language: "ru", admin: "/app", now: NOW }
    )
    expect(deadline.data?.description).toMatch(/^Примите заказ — до 05\.12, 17:00 \(Алматы\)\./)
    // The plugin's reason has a code: said in Russian, not in the English it is stored in.
    const attention = buildKaspiNotification(
      {
        kind: "needs_attention",
        account_id: "main",
        subject: "kaspi-78",
        code: "510002",
        reason: 'No Medusa product for Kaspi SKU "K-1" (Чехол): link it to a product, then retry.',
        reason_text: { code: "import.unmapped_sku", params: { skus: '"K-1"', products: "Чехол" } },
      },
      { channel: "feed", language: "ru", admin: "/app", now: NOW }
    )
    expect(String(attention.data?.description)).toContain('"K-1"')
    expect(String(attention.data?.description)).not.toMatch(/No Medusa product|link it|\.\./)
    // A code the dictionaries do not know falls back to the words as stored.
    const unknown = buildKaspiNotification(
      { kind: "needs_attention", account_id: "main", subject: "kaspi-79", code: "510003", reason: "Something new", reason_text: { code: "import.brand_new", params: {} } },
      { channel: "feed", language: "ru", admin: "/app", now: NOW }
    )
    expect(String(unknown.data?.description)).toContain("Something new")
    const feed = buildKaspiNotification({ kind: "feed_refused", account_id: "main", subject: "feed" }, { channel: "feed", language: "ru", admin: "/app", now: NOW })
    expect(feed).toMatchObject({ resource_type: "kaspi_feed", resource_id: "main", data: { url: "/app/settings/kaspi", title: "Прайс-лист Kaspi не опубликован" } })
  })
})
