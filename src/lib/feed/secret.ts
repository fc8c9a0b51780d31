import { createHash, randomBytes, timingSafeEqual } from "node:crypto"

/** 32 random bytes, URL-safe: the only thing that protects the feed URL. */
export function generateFeedSecret(): string {
  return randomBytes(32).toString("base64url")
}

/** Constant-time comparison (hashing first makes the lengths equal). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest()
  const hb = createHash("sha256").update(b).digest()
  return timingSafeEqual(ha, hb)
}

/** The last path segment is "<secret>.xml"; anything else is not a feed URL. */
export function secretFromFileName(file: string): string | null {
  const m = /^([A-Za-z0-9_-]{16,128})\.xml$/.exec(file)
  return m ? m[1] : null
}
