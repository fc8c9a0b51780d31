// Kaspi's product classification, small: a few parent categories and their leaves, each leaf
// with mandatory and optional attributes of every type (API.md a.14, payload 12). The real tree
// has ~4,300 categories; the codes and the attribute codes follow Kaspi's forms ("Master - …",
// "<Category>*<Attribute>", payload 13's patterns). The Exercise notebooks leaf is payload 12's own,
// so the guide's import example imports as it is.

export type ContentAttributeType = "boolean" | "enum" | "string" | "number"

export interface ContentValue {
  code: string
  name: string
}

export interface ContentAttribute {
  code: string
  type: ContentAttributeType
  multiValued: boolean
  mandatory: boolean
  /** recommended values (enum only), as `GET /products/classification/attribute/values` lists them */
  values: ContentValue[]
}

export interface ContentCategory {
  code: string
  title: string
  /** the parent's code; undefined for a top category */
  parent?: string
  /** empty for parents: only leaves carry attributes and take products (API.md a.14) */
  attributes: ContentAttribute[]
}

const values = (...names: string[]): ContentValue[] => names.map((name) => ({ code: name, name }))

/** "M" mandatory, "O" optional; "*" after the letter = multi-valued. */
type Flags = "M" | "O" | "M*" | "O*"

function attr(code: string, type: ContentAttributeType, flags: Flags, vals: ContentValue[] = []): ContentAttribute {
  return { code, type, mandatory: flags.startsWith("M"), multiValued: flags.endsWith("*"), values: type === "enum" ? vals : [] }
}

function leaf(code: string, title: string, parent: string, attributes: ContentAttribute[]): ContentCategory {
  return { code, title, parent, attributes }
}

const COLORS = values("черный", "белый", "серый", "серебристый", "синий", "красный", "зеленый", "золотистый")
const NB = "Exercise notebooks*Obsie harakteristiki.exercise notebooks"

export const CONTENT_CATEGORIES: readonly ContentCategory[] = [
  { code: "Master - Phones and gadgets", title: "Телефоны и гаджеты", attributes: [] },
  leaf("Master - Smartphones", "Смартфоны", "Master - Phones and gadgets", [
    attr("Smartphones*Model", "string", "M"),
    attr("Smartphones*Color", "enum", "M", COLORS),
    attr("Smartphones*Built-in memory", "enum", "M", values("64 ГБ", "128 ГБ", "256 ГБ", "512 ГБ", "1 ТБ")),
    attr("Smartphones*Screen diagonal", "number", "M"),
    attr("Smartphones*Dual SIM", "boolean", "O"),
    attr("Smartphones*Communication standards", "enum", "O*", values("2G", "3G", "4G LTE", "5G")),
    attr("Smartphones*Equipment", "string", "O"),
  ]),
  leaf("Master - Smart watches", "Смарт-часы", "Master - Phones and gadgets", [
    attr("Smart watches*Model", "string", "M"),
    attr("Smart watches*Compatibility", "enum", "M*", values("Android", "iOS", "HarmonyOS")),
    attr("Smart watches*Strap color", "enum", "O", COLORS),
    attr("Smart watches*Water resistance", "boolean", "O"),
    attr("Smart watches*Battery capacity", "number", "O"),
  ]),
  leaf("Master - Headphones", "Наушники", "Master - Phones and gadgets", [
    attr("Headphones*Type", "enum", "M", values("вкладыши", "внутриканальные", "накладные", "полноразмерные")),
    attr("Headphones*Connection", "enum", "M*", values("Bluetooth", "3.5 мм", "USB Type-C", "Lightning")),
    attr("Headphones*Microphone", "boolean", "M"),
    attr("Headphones*Color", "enum", "O", COLORS),
    attr("Headphones*Weight", "number", "O"),
    attr("Headphones*Model", "string", "O"),
  ]),

  { code: "Master - Home appliances", title: "Бытовая техника", attributes: [] },
  { code: "Master - Kitchen appliances", title: "Техника для кухни", parent: "Master - Home appliances", attributes: [] },
  leaf("Master - Blenders", "Блендеры", "Master - Kitchen appliances", [
    attr("Blenders*Type", "enum", "M", values("погружной", "стационарный", "портативный")),
    attr("Blenders*Power", "number", "M"),
    attr("Blenders*Bowl volume", "number", "O"),
    attr("Blenders*Ice crushing", "boolean", "O"),
    attr("Blenders*Attachments", "enum", "O*", values("венчик", "измельчитель", "насадка для пюре", "мельница")),
    attr("Blenders*Color", "enum", "O", COLORS),
  ]),
  leaf("Master - Cooktops", "Варочные поверхности", "Master - Kitchen appliances", [
    attr("Cooktops*Type", "enum", "M", values("электрическая", "газовая", "индукционная", "комбинированная")),
    attr("Cooktops*Number of burners", "number", "M"),
    attr("Cooktops*Surface material", "enum", "M", values("стеклокерамика", "нержавеющая сталь", "закаленное стекло", "эмаль")),
    attr("Cooktops*Child lock", "boolean", "O"),
    attr("Cooktops*Control", "enum", "O*", values("сенсорное", "поворотное", "кнопочное")),
  ]),
  leaf("Master - Vacuum cleaners", "Пылесосы", "Master - Home appliances", [
    attr("Vacuum cleaners*Type", "enum", "M", values("с мешком", "контейнерный", "робот-пылесос", "вертикальный")),
    attr("Vacuum cleaners*Wet cleaning", "boolean", "M"),
    attr("Vacuum cleaners*Suction power", "number", "O"),
    attr("Vacuum cleaners*Filters", "enum", "O*", values("HEPA", "циклонный", "водяной")),
    attr("Vacuum cleaners*Model", "string", "O"),
  ]),

  { code: "Master - Office and school supplies", title: "Канцелярские товары", attributes: [] },
  // Payload 12's attributes fragment, plus the cover its values request asks about.
  leaf("Master - Exercise notebooks", "Тетради", "Master - Office and school supplies", [
    attr(`${NB}*type`, "enum", "M", values("тетрадь", "тетрадь-блокнот", "тетрадь на кольцах")),
    attr(`${NB}*format`, "enum", "M*", values("А4", "А5", "А6")),
    attr(`${NB}*fields`, "boolean", "M"),
    attr(`${NB}*number of sheets`, "number", "M"),
    attr(`${NB}*components`, "string", "O"),
    attr(`${NB}*cover`, "enum", "O", values("мягкая", "твердая")),
  ]),
  leaf("Master - Pens", "Ручки", "Master - Office and school supplies", [
    attr("Pens*Type", "enum", "M", values("шариковая", "гелевая", "перьевая", "капиллярная")),
    attr("Pens*Ink color", "enum", "M*", values("синий", "черный", "красный", "зеленый")),
    attr("Pens*Automatic", "boolean", "O"),
    attr("Pens*Line width", "number", "O"),
  ]),

  { code: "Master - Car electronics", title: "Автоэлектроника", attributes: [] },
  leaf("Master - Head units", "Автомагнитолы", "Master - Car electronics", [
    attr("Head units*Size", "enum", "M", values("1 DIN", "2 DIN")),
    attr("Head units*Bluetooth", "boolean", "M"),
    attr("Head units*Audio formats", "enum", "O*", values("MP3", "WMA", "FLAC", "WAV")),
    attr("Head units*Power", "number", "O"),
    attr("Head units*Model", "string", "O"),
  ]),
  leaf("Master - DVRs", "Видеорегистраторы", "Master - Car electronics", [
    attr("DVRs*Video resolution", "enum", "M", values("1280x720", "1920x1080", "2560x1440", "3840x2160")),
    attr("DVRs*Number of cameras", "number", "M"),
    attr("DVRs*GPS", "boolean", "O"),
    attr("DVRs*Mount", "enum", "O*", values("присоска", "скотч", "на зеркало заднего вида")),
    attr("DVRs*Model", "string", "O"),
  ]),
]

const BY_CODE = new Map(CONTENT_CATEGORIES.map((c) => [c.code, c]))
const PARENTS = new Set(CONTENT_CATEGORIES.map((c) => c.parent).filter((p): p is string => p !== undefined))

export function categoryByCode(code: string): ContentCategory | undefined {
  return BY_CODE.get(code)
}

export function isLeaf(category: ContentCategory): boolean {
  return !PARENTS.has(category.code)
}

/** Payload 12's import example (a notebook with every mandatory attribute), under another SKU if asked. */
export function guideImportProduct(sku = "Testsku") {
  const attributes: Array<{ code: string; value: unknown }> = [
    { code: `${NB}*type`, value: "тетрадь-блокнот" },
    { code: `${NB}*format`, value: "А5" },
    { code: `${NB}*fields`, value: true },
    { code: `${NB}*number of sheets`, value: 48 },
  ]
  return {
    sku,
    title: "test notebook",
    brand: "test",
    category: "Master - Exercise notebooks",
    description: "Some description",
    attributes,
    images: [{ url: "https://resources.cdn-kaspi.kz/img/m/p/h44/h88/63854412398622.jpg" }],
  }
}

/** What `GET /products/classification/categories` lists: the leaves (see README, "Content API"). */
export function leafCategories(): ContentCategory[] {
  return CONTENT_CATEGORIES.filter(isLeaf)
}
