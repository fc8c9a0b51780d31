import { useTranslation } from "react-i18next"

/** The Kaspi namespace of the admin's i18next (see ../i18n/index.ts). */
export function useKaspiT() {
  return useTranslation("kaspi")
}

/** The admin's language as a BCP 47 tag for Intl (dates, numbers). */
export function useLocale(): string {
  const { i18n } = useTranslation()
  return i18n.language || "en"
}
