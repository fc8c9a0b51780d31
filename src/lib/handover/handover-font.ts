import { readFileSync } from "node:fs"
import path from "node:path"

/**
 * pdf-lib's standard fonts are WinAnsi only and cannot write Cyrillic (city
 * names, the Russian sheet), so a TrueType font ships with the plugin:
 * DejaVu Sans (Bitstream Vera licence, fonts/LICENSE.txt). It sits next to
 * this file in src/ (tests) and in .medusa/server (the build, which copies
 * it: scripts/copy-plugin-assets.js).
 */
export const HANDOVER_FONT_PATH = path.join(__dirname, "fonts", "DejaVuSans.ttf")

let font: Uint8Array | undefined

export function handoverFont(): Uint8Array {
  font ??= readFileSync(HANDOVER_FONT_PATH)
  return font
}
