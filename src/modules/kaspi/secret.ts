import { inspect } from "node:util"

const REDACTED = "[redacted]"

/**
 * Holds a Kaspi token so that it cannot leak by accident: string conversion,
 * JSON serialisation and util.inspect (what loggers use) all print "[redacted]".
 * Only the HTTP transport calls reveal().
 */
export class SecretToken {
  readonly #value: string

  constructor(value: string) {
    this.#value = value
  }

  reveal(): string {
    return this.#value
  }

  /** Last four characters, for "which token is this" hints in the admin. */
  hint(): string {
    return this.#value.length > 8 ? `…${this.#value.slice(-4)}` : REDACTED
  }

  toString(): string {
    return REDACTED
  }

  toJSON(): string {
    return REDACTED
  }

  [inspect.custom](): string {
    return `SecretToken(${REDACTED})`
  }
}

/** Replaces every occurrence of the given secrets in a text. */
export function redactSecrets(text: string, secrets: Array<SecretToken | string | undefined>): string {
  let out = text
  for (const s of secrets) {
    const value = typeof s === "string" ? s : s?.reveal()
    if (value && value.length >= 4) {
      out = out.split(value).join(REDACTED)
    }
  }
  return out
}
