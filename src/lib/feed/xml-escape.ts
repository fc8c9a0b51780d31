/**
 * XML 1.0 escaping for the feed writer. The writer is a plain template (see
 * render-offer.ts for why), so these functions carry the whole burden of
 * well-formedness; __tests__/xml-escape.unit.spec.ts proves them with
 * fast-check against a real XML parser and the XSD.
 */

// Characters XML 1.0 forbids anywhere (controls other than TAB/LF/CR, U+FFFE/U+FFFF,
// lone surrogates). With the `u` flag a lone surrogate is one code point outside the class.
const INVALID_XML_CHARS = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const HAS_INVALID_XML_CHARS = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u
// Cheap first look (no `u` flag): controls, U+FFFE/F, or any surrogate (emoji are
// valid pairs, so a hit is confirmed with the exact expression above).
const SUSPECT_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

const TEXT_SPECIALS = /[&<>\r]/
const ATTR_SPECIALS = /[&<>"'\t\n\r]/

/** Removes the characters that no XML 1.0 document may contain, even escaped. */
export function stripInvalidXmlChars(s: string): string {
  return hasInvalidXmlChars(s) ? s.replace(INVALID_XML_CHARS, "") : s
}

export function hasInvalidXmlChars(s: string): boolean {
  return SUSPECT_CHARS.test(s) && HAS_INVALID_XML_CHARS.test(s)
}

/**
 * Element content. `>` is escaped too, so "]]>" can never appear; CR becomes
 * a character reference, otherwise parsers normalise CRLF to LF.
 */
export function escapeXmlText(input: string): string {
  const s = stripInvalidXmlChars(input)
  if (!TEXT_SPECIALS.test(s)) return s
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;")
}

/**
 * Attribute values (always written in double quotes). TAB/LF/CR become
 * character references, otherwise attribute-value normalisation would turn
 * them into spaces and the value read back would differ from the one written.
 */
export function escapeXmlAttr(input: string): string {
  const s = stripInvalidXmlChars(input)
  if (!ATTR_SPECIALS.test(s)) return s
  let out = ""
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    switch (c) {
      case 38: out += "&amp;"; break // &
      case 60: out += "&lt;"; break // <
      case 62: out += "&gt;"; break // >
      case 34: out += "&quot;"; break // "
      case 39: out += "&apos;"; break // '
      case 9: out += "&#9;"; break
      case 10: out += "&#10;"; break
      case 13: out += "&#13;"; break
      default: out += s[i]
    }
  }
  return out
}
