import { readFileSync } from "node:fs"
import { join } from "node:path"
import { validateXML } from "xmllint-wasm"

/** The schemas the feed must satisfy: copies of shared/kaspi/*.xsd (2022 = Kaspi's published one). */
const FIXTURES = join(__dirname, "fixtures")
export const XSD_CURRENT = readFileSync(join(FIXTURES, "kaspishopping-current.xsd"), "utf8")
export const XSD_2022 = readFileSync(join(FIXTURES, "kaspishopping-2022.xsd"), "utf8")
export const SULPAK_2022 = readFileSync(join(FIXTURES, "sulpak-2022.xml"), "utf8")

/** Validates with libxml2 (xmllint compiled to wasm): a real XML Schema validator. */
export async function validateAgainstXsd(xml: string, xsd = XSD_CURRENT): Promise<{ valid: boolean; errors: string[] }> {
  const r = await validateXML({
    xml: [{ fileName: "feed.xml", contents: xml }],
    schema: [{ fileName: "kaspishopping.xsd", contents: xsd }],
  })
  // libxml2 warns that the namespace "kaspiShopping" is not an absolute URI: harmless (API.md §c).
  const errors = r.errors.map((e) => e.rawMessage).filter((m) => !/namespace warning|not absolute|^\s*\^?\s*$|<xs:schema/.test(m))
  return { valid: r.valid, errors }
}
