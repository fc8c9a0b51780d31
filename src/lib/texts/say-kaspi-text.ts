import type { KaspiTextCode, KaspiTextParams } from "../../types"
import saidEn from "./said-en"
import saidRu from "./said-ru"

const SAID: Record<"en" | "ru", Record<KaspiTextCode, string>> = { en: saidEn, ru: saidRu }

/**
 * One of the server's sentences (a code and its parameters, as events keep
 * them) in Russian or English, for what the server sends itself (the
 * notifications); the admin says the same dictionaries through i18next.
 * Null for a code the dictionaries do not have.
 */
export function sayKaspiText(language: "en" | "ru", code: string, params: KaspiTextParams = {}): string | null {
  const sentence = (SAID[language] as Record<string, string>)[code]
  if (!sentence) return null
  return sentence.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = params[key]
    return value === null || value === undefined ? "—" : String(value)
  })
}
