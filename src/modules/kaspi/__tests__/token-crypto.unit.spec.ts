import { inspect } from "node:util"
import { decryptToken, encryptToken, parseTokenKey } from "../token-crypto"

const KEY_B64 = Buffer.alloc(32, 1).toString("base64")
const KEY_HEX = Buffer.alloc(32, 2).toString("hex")
const TOKEN = "Zm9vYmFyLXRva2VuLWZvci10ZXN0cy1vbmx5"

describe("token encryption at rest", () => {
  const key = parseTokenKey(KEY_B64, "K")

  it("round-trips a token and never stores it readable", () => {
    const stored = encryptToken(key, "main", TOKEN)
    expect(stored).not.toContain(TOKEN)
    expect(stored.split(".")[1]).toBe(key.id) // the key id travels with the ciphertext
    expect(decryptToken(key, "main", stored).reveal()).toBe(TOKEN)
  })

  it("uses a fresh IV each time", () => {
    expect(encryptToken(key, "main", TOKEN)).not.toBe(encryptToken(key, "main", TOKEN))
  })

  it("refuses a ciphertext moved to another account or altered", () => {
    const stored = encryptToken(key, "main", TOKEN)
    expect(() => decryptToken(key, "second", stored)).toThrow(/does not decrypt/)
    const parts = stored.split(".")
    const last = parts[4]
    parts[4] = (last[0] === "A" ? "B" : "A") + last.slice(1)
    expect(() => decryptToken(key, "main", parts.join("."))).toThrow(/does not decrypt/)
    expect(() => decryptToken(key, "main", "plain-text-token")).toThrow(/not in a format/)
  })

  it("tells a changed key apart from tampering", () => {
    const stored = encryptToken(key, "main", TOKEN)
    const other = parseTokenKey(KEY_HEX, "K")
    expect(other.id).not.toBe(key.id)
    expect(() => decryptToken(other, "main", stored)).toThrow(/another key/)
  })

  it("accepts base64, base64url and hex keys of 32 bytes and nothing weaker, without echoing the value", () => {
    expect(parseTokenKey(KEY_HEX, "K").id).toHaveLength(8)
    expect(parseTokenKey(Buffer.alloc(32, 250).toString("base64url"), "K").id).toHaveLength(8)
    for (const weak of ["secret", "short-passphrase-that-is-not-a-key", Buffer.alloc(16).toString("base64")]) {
      expect(() => parseTokenKey(weak, "KASPI_TOKEN_ENCRYPTION_KEY")).toThrow(/KASPI_TOKEN_ENCRYPTION_KEY must be 32 random bytes/)
      try {
        parseTokenKey(weak, "K")
      } catch (e) {
        expect(String(e)).not.toContain(weak)
      }
    }
  })

  it("refuses a shortened GCM tag (Node accepts a 4-byte tag unless told the length)", () => {
    const stored = encryptToken(key, "main", TOKEN)
    const parts = stored.split(".")
    for (const bytes of [4, 8, 12, 15]) {
      const short = [...parts]
      short[3] = Buffer.from(parts[3], "base64url").subarray(0, bytes).toString("base64url")
      expect(() => decryptToken(key, "main", short.join("."))).toThrow(/does not decrypt/)
    }
  })

  it("keeps the key material out of logs", () => {
    expect(inspect(key)).not.toContain(Buffer.alloc(32, 1).toString("hex"))
    expect(JSON.stringify(key)).not.toContain(Buffer.alloc(32, 1).toString("hex"))
  })
})
