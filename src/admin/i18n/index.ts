import en from "./en"
import ru from "./ru"

/**
 * Picked up by Medusa's admin (2.21) from a plugin's src/admin/i18n/index.ts
 * and merged into the dashboard's i18next resources, so the Kaspi screens
 * follow the language the admin user chose (Profile → Language). Screens read
 * it with useTranslation("kaspi"). Other languages fall back to English.
 */
export default {
  en: { kaspi: en },
  ru: { kaspi: ru },
}
