// Reference data for realistic Kazakh orders: cities with Kaspi city codes, names, streets,
// a small default catalog. Static data only.
//
// City codes: Алматы 750000000, Астана 710000000, Шымкент 511010000, Караганда 351010000 and
// Талдыкорган 191010000 are the ones quoted by the guide (API.md a.9). The others follow the same
// (pre-2022 KATO) pattern "<region>1010000" for regional centres; the last few are best effort.

import type { SandboxCity } from "./types"

export const CITIES: readonly SandboxCity[] = [
  { code: "750000000", name: "Алматы", latitude: 43.238949, longitude: 76.889709 },
  { code: "710000000", name: "Астана", latitude: 51.160523, longitude: 71.470356 },
  { code: "511010000", name: "Шымкент", latitude: 42.341685, longitude: 69.590101 },
  { code: "351010000", name: "Караганда", latitude: 49.804684, longitude: 73.109383 },
  { code: "191010000", name: "Талдыкорган", latitude: 45.015636, longitude: 78.373907 },
  { code: "151010000", name: "Актобе", latitude: 50.283937, longitude: 57.166978 },
  { code: "231010000", name: "Атырау", latitude: 47.094495, longitude: 51.923771 },
  { code: "271010000", name: "Уральск", latitude: 51.233333, longitude: 51.366667 },
  { code: "311010000", name: "Тараз", latitude: 42.9, longitude: 71.366667 },
  { code: "391010000", name: "Костанай", latitude: 53.214417, longitude: 63.624616 },
  { code: "431010000", name: "Кызылорда", latitude: 44.848831, longitude: 65.482268 },
  { code: "471010000", name: "Актау", latitude: 43.648101, longitude: 51.172199 },
  { code: "551010000", name: "Павлодар", latitude: 52.287303, longitude: 76.967402 },
  { code: "591010000", name: "Петропавловск", latitude: 54.875278, longitude: 69.162781 },
  { code: "631010000", name: "Усть-Каменогорск", latitude: 49.948325, longitude: 82.627848 },
  { code: "111010000", name: "Кокшетау", latitude: 53.283333, longitude: 69.4 },
  { code: "632810000", name: "Семей", latitude: 50.411111, longitude: 80.2275 },
  { code: "352410000", name: "Темиртау", latitude: 50.054909, longitude: 72.964607 },
  { code: "552210000", name: "Экибастуз", latitude: 51.724391, longitude: 75.322714 },
  { code: "392410000", name: "Рудный", latitude: 52.972916, longitude: 63.116791 },
  { code: "351610000", name: "Жезказган", latitude: 47.783333, longitude: 67.766667 },
  { code: "351810000", name: "Балхаш", latitude: 46.848056, longitude: 74.995 },
  { code: "512610000", name: "Туркестан", latitude: 43.297334, longitude: 68.251835 },
  { code: "191610000", name: "Конаев", latitude: 43.866667, longitude: 77.066667 },
]

export function cityByCode(code: string): SandboxCity | undefined {
  return CITIES.find((c) => c.code === code)
}

/** Cities where merchant points of sale are placed, in order: PP1 → Алматы, PP2 → Астана … */
export const STORE_CITY_ORDER: readonly string[] = [
  "750000000",
  "710000000",
  "511010000",
  "351010000",
  "191010000",
  "551010000",
]

export type Gender = "f" | "m"

export interface PersonName {
  first: string
  gender: Gender
  origin: "kz" | "ru"
}

export const FIRST_NAMES: readonly PersonName[] = [
  { first: "Айгерим", gender: "f", origin: "kz" },
  { first: "Динара", gender: "f", origin: "kz" },
  { first: "Асель", gender: "f", origin: "kz" },
  { first: "Жансая", gender: "f", origin: "kz" },
  { first: "Аружан", gender: "f", origin: "kz" },
  { first: "Гульнара", gender: "f", origin: "kz" },
  { first: "Мадина", gender: "f", origin: "kz" },
  { first: "Камила", gender: "f", origin: "kz" },
  { first: "Алия", gender: "f", origin: "kz" },
  { first: "Сауле", gender: "f", origin: "kz" },
  { first: "Томирис", gender: "f", origin: "kz" },
  { first: "Нурлан", gender: "m", origin: "kz" },
  { first: "Ержан", gender: "m", origin: "kz" },
  { first: "Бауыржан", gender: "m", origin: "kz" },
  { first: "Данияр", gender: "m", origin: "kz" },
  { first: "Арман", gender: "m", origin: "kz" },
  { first: "Ерлан", gender: "m", origin: "kz" },
  { first: "Асхат", gender: "m", origin: "kz" },
  { first: "Алибек", gender: "m", origin: "kz" },
  { first: "Санжар", gender: "m", origin: "kz" },
  { first: "Марат", gender: "m", origin: "kz" },
  { first: "Тимур", gender: "m", origin: "kz" },
  { first: "Анна", gender: "f", origin: "ru" },
  { first: "Екатерина", gender: "f", origin: "ru" },
  { first: "Ольга", gender: "f", origin: "ru" },
  { first: "Наталья", gender: "f", origin: "ru" },
  { first: "Дмитрий", gender: "m", origin: "ru" },
  { first: "Сергей", gender: "m", origin: "ru" },
  { first: "Андрей", gender: "m", origin: "ru" },
  { first: "Максим", gender: "m", origin: "ru" },
]

/** [male form, female form] */
export const LAST_NAMES: Readonly<Record<"kz" | "ru", ReadonlyArray<readonly [string, string]>>> = {
  kz: [
    ["Ахметов", "Ахметова"],
    ["Сулейменов", "Сулейменова"],
    ["Жумабаев", "Жумабаева"],
    ["Искаков", "Искакова"],
    ["Нурпеисов", "Нурпеисова"],
    ["Касымов", "Касымова"],
    ["Абдрахманов", "Абдрахманова"],
    ["Оспанов", "Оспанова"],
    ["Тулегенов", "Тулегенова"],
    ["Серикбаев", "Серикбаева"],
    ["Смагулов", "Смагулова"],
    ["Нурланулы", "Нурланкызы"],
    ["Ерланулы", "Ерланкызы"],
    ["Бекмуханбетов", "Бекмуханбетова"],
  ],
  ru: [
    ["Иванов", "Иванова"],
    ["Петров", "Петрова"],
    ["Ким", "Ким"],
    ["Кузнецов", "Кузнецова"],
    ["Попов", "Попова"],
    ["Федоров", "Федорова"],
  ],
}

export const STREETS: readonly string[] = [
  "проспект Абая",
  "улица Толе би",
  "проспект Назарбаева",
  "улица Сатпаева",
  "улица Каныша Сатпаева",
  "проспект Достык",
  "улица Жибек Жолы",
  "проспект Аль-Фараби",
  "улица Розыбакиева",
  "улица Кунаева",
  "улица Наурызбай батыра",
  "улица Богенбай батыра",
  "проспект Республики",
  "улица Кенесары",
  "проспект Мангилик Ел",
  "улица Байтурсынова",
  "улица Жандосова",
  "проспект Райымбека",
  "улица Гоголя",
  "улица Жамбыла",
  "микрорайон Самал-2",
  "улица Туран",
]

/** Mobile operator prefixes (the 10-digit cellPhone starts with one of these). */
export const PHONE_PREFIXES: readonly string[] = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]

export interface CatalogItem {
  sku: string
  name: string
  manufacturer: string
  productCode: string
  category: { code: string; title: string }
  /** per piece, or per kg for weighted goods */
  price: number
  unitType: "PIECES" | "MEASURABLE" | "MEASURABLE_PIECES"
  isImeiRequired: boolean
}

export const DEFAULT_CATALOG: readonly CatalogItem[] = [
  {
    sku: "SM-A155F-BLK",
    name: "Смартфон Samsung Galaxy A15 4/128Gb черный",
    manufacturer: "Samsung",
    productCode: "113742581",
    category: { code: "Master - Smartphones", title: "Смартфоны" },
    price: 74990,
    unitType: "PIECES",
    isImeiRequired: true,
  },
  {
    sku: "APL-IP15-128-BLU",
    name: "Смартфон Apple iPhone 15 128Gb голубой",
    manufacturer: "Apple",
    productCode: "113137790",
    category: { code: "Master - Smartphones", title: "Смартфоны" },
    price: 429990,
    unitType: "PIECES",
    isImeiRequired: true,
  },
  {
    sku: "TEF-LID-28",
    name: "Крышка Tefal St-Pet Glass lid 28 см (040 90 128)",
    manufacturer: "Tefal",
    productCode: "102591856",
    category: { code: "Master - Lids", title: "Крышки для посуды" },
    price: 5990,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "XM-RPB-10000",
    name: "Внешний аккумулятор Xiaomi Redmi Power Bank 10000 mAh черный",
    manufacturer: "Xiaomi",
    productCode: "100986372",
    category: { code: "Master - Power banks", title: "Внешние аккумуляторы" },
    price: 8490,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "PHL-HD9252",
    name: "Аэрогриль Philips HD9252/90 черный",
    manufacturer: "Philips",
    productCode: "100352447",
    category: { code: "Master - Air fryers", title: "Аэрогрили" },
    price: 45990,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "LEGO-60337",
    name: "Конструктор LEGO City 60337 Пассажирский экспресс",
    manufacturer: "LEGO",
    productCode: "106228455",
    category: { code: "Master - Constructors", title: "Конструкторы" },
    price: 68990,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "ARIEL-COLOR-3KG",
    name: "Стиральный порошок Ariel Color автомат 3 кг",
    manufacturer: "Ariel",
    productCode: "101562730",
    category: { code: "Master - Laundry detergents", title: "Стиральные порошки" },
    price: 4290,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "RUL-30CM",
    name: "Линейка 30 см",
    manufacturer: "Erich Krause",
    productCode: "109349026",
    category: { code: "Master - Rulers", title: "Линейки" },
    price: 350,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "BOSCH-GSR120LI",
    name: "Дрель-шуруповерт Bosch GSR 120-LI",
    manufacturer: "Bosch",
    productCode: "101893647",
    category: { code: "Master - Drills", title: "Дрели и шуруповерты" },
    price: 39990,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "130342357_673822557",
    name: "Наушники Apple AirPods Pro 2 белый",
    manufacturer: "Apple",
    productCode: "130342357",
    category: { code: "Master - Headphones", title: "Наушники" },
    price: 109990,
    unitType: "PIECES",
    isImeiRequired: false,
  },
  {
    sku: "APPLE-APORT-KG",
    name: "Яблоки Апорт, Казахстан",
    manufacturer: "Казахстан",
    productCode: "103403297",
    category: { code: "Master - Fruits", title: "Фрукты" },
    price: 890,
    unitType: "MEASURABLE",
    isImeiRequired: false,
  },
  {
    sku: "MELON-TORPEDO-KG",
    name: "Дыня Торпеда",
    manufacturer: "Казахстан",
    productCode: "104120553",
    category: { code: "Master - Melons", title: "Бахчевые" },
    price: 390,
    unitType: "MEASURABLE_PIECES",
    isImeiRequired: false,
  },
]

/** Categories handed out to caller-given SKUs (by a hash of the SKU). */
export const GENERIC_CATEGORIES: ReadonlyArray<{ code: string; title: string }> = [
  { code: "Master - Smartphones", title: "Смартфоны" },
  { code: "Master - Headphones", title: "Наушники" },
  { code: "Master - Power banks", title: "Внешние аккумуляторы" },
  { code: "Master - Lids", title: "Крышки для посуды" },
  { code: "Master - Constructors", title: "Конструкторы" },
  { code: "Master - Drills", title: "Дрели и шуруповерты" },
]

export const WEIGHTED_CATEGORY = { code: "Master - Fruits", title: "Фрукты" }

/** Kaspi-side cancellation reasons that occur in real data (API.md b). */
export const MERCHANT_CANCEL_REASONS = ["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"] as const
export const SEEDED_CANCEL_REASONS = [
  "BUYER_CANCELLATION_HIMSELF",
  "BUYER_CANCELLATION_BY_MERCHANT",
  "MERCHANT_OUT_OF_STOCK",
  "TIMEOUT_BUYER_PICKUP",
  "BUYER_NOT_REACHABLE",
] as const
