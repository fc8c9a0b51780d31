import type { HandoverLeftOutReason } from "./plan-handover"

export const HANDOVER_LANGUAGES = ["ru", "en"] as const
export type HandoverLanguage = (typeof HANDOVER_LANGUAGES)[number]

/** The printed sheet's words. It is signed by people, so it speaks their language, not codes. */
export type SheetTexts = {
  title: string
  date: string
  summary: (orders: number, packages: number) => string
  columns: { code: string; packages: string; city: string; window: string }
  leftOut: string
  reasons: Record<HandoverLeftOutReason, string>
  courier: string
  merchant: string
  signature: string
}

export const SHEET_TEXTS: Record<HandoverLanguage, SheetTexts> = {
  ru: {
    title: "Акт передачи заказов курьеру Kaspi Доставки",
    date: "Дата",
    summary: (orders, packages) => `Заказов: ${orders}, мест: ${packages}`,
    columns: { code: "Заказ", packages: "Мест", city: "Город", window: "Передача курьеру" },
    leftOut: "Не вошли в печать",
    reasons: {
      not_found: "заказ не найден",
      not_kaspi_delivery: "не Kaspi Доставка",
      not_active: "заказ уже не активен",
      not_assembled: "не собран",
      waybill_not_issued: "Kaspi ещё не выдал накладную",
      waybill_unreadable: "накладная не читается",
    },
    courier: "Курьер",
    merchant: "Продавец",
    signature: "ФИО, подпись",
  },
  en: {
    title: "Kaspi Delivery courier hand-over sheet",
    date: "Date",
    summary: (orders, packages) => `Orders: ${orders}, packages: ${packages}`,
    columns: { code: "Order", packages: "Pkgs", city: "City", window: "Courier hand-over" },
    leftOut: "Not printed",
    reasons: {
      not_found: "order not found",
      not_kaspi_delivery: "not Kaspi Delivery",
      not_active: "order no longer active",
      not_assembled: "not assembled",
      waybill_not_issued: "Kaspi has not issued the waybill yet",
      waybill_unreadable: "waybill unreadable",
    },
    courier: "Courier",
    merchant: "Merchant",
    signature: "name, signature",
  },
}
