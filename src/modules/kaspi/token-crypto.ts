import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"
import { SecretToken } from "./secret"

/**
 * Kaspi tokens entered in the admin are kept in PostgreSQL encrypted with
 * AES-256-GCM under a key that lives only in the environment, so a database
 * dump or backup alone never yields a token.
 *
 * Stored form: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key
 * id (first bytes of the key's SHA-256) tells "this was stored under another
 * key" apart from "this was tampered with". The account id is the GCM
 * additional data: a ciphertext copied to another account's row fails to
 * decrypt instead of silently sending one shop's token for another.
 */

/** The full GCM tag; encryptToken writes it, decryptToken accepts nothing shorter. */
const GCM_TAG_BYTES = 16

export class TokenKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "TokenKeyError"
  }
}

export interface TokenKey {
  /** Short public fingerprint of the key; safe to store and show. */
  id: string
  material: SecretToken
}

/** 32 random bytes as base64 (`openssl rand -base64 32`) or 64 hex characters. */
export function parseTokenKey(raw: string, envName: string): TokenKey {
  const text = raw.trim()
  let bytes: Buffer | undefined
  if (/^[0-9a-f]{64}$/i.test(text)) bytes = Buffer.from(text, "hex")
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64")
  if (!bytes || bytes.length !== 32) {
    // Never echo the value: it is a secret even when malformed.
    throw new TokenKeyError(
      `${envName} must be 32 random bytes as base64 (openssl rand -base64 32) or 64 hex characters; the value set is not`
    )
  }
  return { id: keyId(bytes), material: new SecretToken(bytes.toString("hex")) }
}

function keyId(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64url").slice(0, 8)
}

function keyBytes(key: TokenKey): Buffer {
  return Buffer.from(key.material.reveal(), "hex")
}

export function encryptToken(key: TokenKey, accountId: string, token: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", keyBytes(key), iv, { authTagLength: GCM_TAG_BYTES })
  cipher.setAAD(Buffer.from(`kaspi-token:${accountId}`, "utf8"))
  const ciphertext = Buffer.concat([cipher.update(token, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return ["v1", key.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".")
}

export function decryptToken(key: TokenKey, accountId: string, stored: string): SecretToken {
  const parts = stored.split(".")
  if (parts.length !== 5 || parts[0] !== "v1") {
    throw new TokenKeyError(`the stored token of account "${accountId}" is not in a format this plugin writes`)
  }
  const [, id, iv, tag, ciphertext] = parts
  if (id !== key.id) {
    throw new TokenKeyError(
      `the stored token of account "${accountId}" was encrypted under another key (${id}, the current key is ${key.id}): ` +
        "restore the previous key or enter the token again"
    )
  }
  try {
    const tagBytes = Buffer.from(tag, "base64url")
    // Node verifies only as many tag bytes as it is given (4 are enough for it), and a short
    // tag is forgeable by trial: the plugin writes 16, so anything else was altered.
    if (tagBytes.length !== GCM_TAG_BYTES) throw new Error("short tag")
    const decipher = createDecipheriv("aes-256-gcm", keyBytes(key), Buffer.from(iv, "base64url"), {
      authTagLength: GCM_TAG_BYTES,
    })
    decipher.setAAD(Buffer.from(`kaspi-token:${accountId}`, "utf8"))
    decipher.setAuthTag(tagBytes)
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()])
    return new SecretToken(plain.toString("utf8"))
  } catch {
    throw new TokenKeyError(`the stored token of account "${accountId}" does not decrypt (altered, or stored for another account)`)
  }
}
