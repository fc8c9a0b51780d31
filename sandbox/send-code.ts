// Answers to step 1 of COMPLETED (X-Send-Code: true, empty X-Security-Code). API.md a.11 and §f.10:
// the exact answer is an open question, and one public client ([IJ]) treats any status < 500 as
// success, which suggests Kaspi may answer 4xx while the code still goes out. So the sandbox can
// answer step 1 in each plausible way; in every mode the buyer gets a code.

import type { SendCodeMode } from "./types"

export const SEND_CODE_MODES: readonly SendCodeMode[] = ["normal", "empty200", "json200", "4xx", "5xx", "timeout"]
export const DEFAULT_SEND_CODE_4XX_TITLE = "Security code already sent"
export const DEFAULT_SEND_CODE_JSON200_BODY = { data: null }

export function sendCodeAnswerProblem(input: unknown): string | null {
  if (!input || typeof input !== "object" || Array.isArray(input)) return "body must be an object {mode, times?}"
  const c = input as Record<string, unknown>
  const known = ["mode", "times", "body", "title"]
  const unknown = Object.keys(c).find((k) => !known.includes(k))
  if (unknown) return `unknown key ${unknown}; use ${known.join(", ")}`
  if (!(SEND_CODE_MODES as readonly unknown[]).includes(c.mode)) return `mode must be one of ${SEND_CODE_MODES.join(", ")}`
  if (c.times !== undefined && (!Number.isInteger(c.times) || (c.times as number) < 1)) return "times must be a positive integer"
  if (c.body !== undefined && c.mode !== "json200") return "body is only for mode json200"
  if (c.title !== undefined && (c.mode !== "4xx" || typeof c.title !== "string" || c.title === "")) return "title is only for mode 4xx and must be a non-empty string"
  return null
}
