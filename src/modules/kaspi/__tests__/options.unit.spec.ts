import { inspect } from "node:util"
import { resolveKaspiOptions, renamedOptionKeys, unknownOptionKeys, DEFAULT_API_URL, KaspiOptionsError } from "../options"

const SENTINEL = "SENTINEL-token-must-never-leak-0123456789"

describe("resolveKaspiOptions", () => {
  it("applies documented defaults to the single-shop shorthand", () => {
    const o = resolveKaspiOptions({ merchantId: "30123456", token: "t0ken-value" }, {})
    expect(o.apiUrl).toBe(DEFAULT_API_URL)
    expect(o.timeouts).toEqual({ ordersMs: 30_000, productsMs: 60_000, waybillMs: 60_000 })
    expect(o.accounts).toHaveLength(1)
    expect(o.accounts[0]).toMatchObject({ id: "default", merchantId: "30123456", apiUrl: DEFAULT_API_URL, tokenSource: "options" })
    expect(o.accounts[0].token?.reveal()).toBe("t0ken-value")
    expect(o.userAgent).toMatch(/^medusa-plugin-kaspi\//)
  })

  it("reads the token from KASPI_API_TOKEN for a single shop, or from tokenEnv per account", () => {
    const single = resolveKaspiOptions({ merchantId: "1" }, { KASPI_API_TOKEN: "from-env-1" })
    expect(single.accounts[0].token?.reveal()).toBe("from-env-1")
    expect(single.accounts[0].tokenSource).toBe("env:KASPI_API_TOKEN")

    const multi = resolveKaspiOptions(
      {
        accounts: [
          { id: "almaty", merchantId: "1", tokenEnv: "KASPI_TOKEN_ALMATY" },
          { id: "astana", merchantId: "2", token: "inline-token", apiUrl: "http://127.0.0.1:9/shop/api" },
        ],
      },
      { KASPI_TOKEN_ALMATY: "almaty-token" }
    )
    expect(multi.accounts.map((a) => [a.id, a.token?.reveal(), a.apiUrl])).toEqual([
      ["almaty", "almaty-token", DEFAULT_API_URL],
      ["astana", "inline-token", "http://127.0.0.1:9/shop/api"],
    ])
  })

  it("allows an account without a token (reported when used) and no account at all", () => {
    expect(resolveKaspiOptions({ merchantId: "1" }, {}).accounts[0].token).toBeUndefined()
    expect(resolveKaspiOptions({}, {}).accounts).toEqual([])
  })

  it.each([
    [{ accounts: [{ id: "a", merchantId: "" }] }, /accounts\.0\.merchantId/],
    [{ accounts: [{ id: "has space", merchantId: "1" }] }, /accounts\.0\.id: must be a short slug/],
    [{ accounts: [{ id: "a", merchantId: "1" }, { id: "a", merchantId: "2" }] }, /"a" is used twice/],
    [{ accounts: [{ id: "a", merchantId: "1" }], merchantId: "2" }, /either `accounts/],
    [{ token: "x" }, /`merchantId` is required/],
    [{ merchantId: "1", apiUrl: "not a url" }, /apiUrl/],
    [{ merchantId: "1", timeouts: { ordersMs: -1 } }, /timeouts\.ordersMs/],
    [{ merchantId: "1", userAgent: "axios/1.7.2" }, /userAgent: must not be a library default/],
  ])("rejects %j with a message naming the option", (input, message) => {
    expect(() => resolveKaspiOptions(input, {})).toThrow(KaspiOptionsError)
    expect(() => resolveKaspiOptions(input, {})).toThrow(message)
  })

  it("names unknown keys (typos) but not the ones Medusa adds itself", () => {
    expect(unknownOptionKeys({ merchantId: "1", tokn: "typo", database: {} })).toEqual(["tokn"])
    expect(resolveKaspiOptions({ merchantId: "1", tokn: "typo" }, {}).accounts).toHaveLength(1)
  })

  it("never shows the token when the options are logged, serialised or rejected", () => {
    const o = resolveKaspiOptions({ merchantId: "1", token: SENTINEL }, {})
    expect(JSON.stringify(o)).not.toContain(SENTINEL)
    expect(inspect(o, { depth: 10 })).not.toContain(SENTINEL)
    expect(`${o.accounts[0].token}`).not.toContain(SENTINEL)
    let message = ""
    try {
      resolveKaspiOptions({ merchantId: "1", token: SENTINEL, retry: { attempts: 99 } }, {})
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/retry\.attempts/)
    expect(message).not.toContain(SENTINEL)
  })
})

describe("token encryption key", () => {
  const base = { merchantId: "30123456" }
  it("reads the key from KASPI_TOKEN_ENCRYPTION_KEY, or the variable named by tokenEncryptionKeyEnv", () => {
    const key = Buffer.alloc(32, 5).toString("base64")
    expect(resolveKaspiOptions(base, {}).tokenKey).toBeUndefined()
    expect(resolveKaspiOptions(base, { KASPI_TOKEN_ENCRYPTION_KEY: key }).tokenKey?.id).toHaveLength(8)
    const named = resolveKaspiOptions({ ...base, tokenEncryptionKeyEnv: "SHOP_KEY" }, { SHOP_KEY: key })
    expect(named).toMatchObject({ tokenKeyEnv: "SHOP_KEY", tokenKey: { id: expect.any(String) } })
  })

  it("fails the boot on a weak key without printing it", () => {
    expect(() => resolveKaspiOptions(base, { KASPI_TOKEN_ENCRYPTION_KEY: "hunter2hunter2" })).toThrow(
      /KASPI_TOKEN_ENCRYPTION_KEY must be 32 random bytes/
    )
    expect(() => resolveKaspiOptions(base, { KASPI_TOKEN_ENCRYPTION_KEY: "hunter2hunter2" })).not.toThrow(/hunter2/)
  })

  it("says where no token was found", () => {
    expect(resolveKaspiOptions(base, { KASPI_API_TOKEN: "" }).accounts[0]).toMatchObject({ tokenSource: "none", tokenEnv: "KASPI_API_TOKEN" })
  })
})

describe("User-Agent and size caps", () => {
  it("sends the installed package's version in the default User-Agent", () => {
    const { version } = require("../../../../package.json") as { version: string }
    expect(resolveKaspiOptions({ merchantId: "1" }, {}).userAgent).toBe(
      `medusa-plugin-kaspi/${version} (+https://www.npmjs.com/package/medusa-plugin-kaspi)`
    )
  })

  it("caps Kaspi answers at 16 MB and waybills at 20 MB unless configured", () => {
    const MB = 1024 * 1024
    expect(resolveKaspiOptions({ merchantId: "1" }, {}).maxResponseBytes).toEqual({ json: 16 * MB, binary: 20 * MB })
    expect(resolveKaspiOptions({ merchantId: "1", maxResponseMb: 2, maxWaybillMb: 5 }, {}).maxResponseBytes).toEqual({
      json: 2 * MB,
      binary: 5 * MB,
    })
    expect(() => resolveKaspiOptions({ merchantId: "1", maxResponseMb: 0 }, {})).toThrow(/maxResponseMb/)
  })
})

describe("retention", () => {
  it("keeps 180 days by default, deleting 1,000 rows per statement and at most 100 statements per table and run", () => {
    expect(resolveKaspiOptions({ merchantId: "1" }, {}).retention).toEqual({ enabled: true, days: 180, batchSize: 1000, maxBatchesPerRun: 100 })
    expect(resolveKaspiOptions({ merchantId: "1", retention: { days: 30, batchSize: 500 } }, {}).retention).toEqual({
      enabled: true,
      days: 30,
      batchSize: 500,
      maxBatchesPerRun: 100,
    })
  })

  it("is switched off with enabled: false, and refuses an age under a day or an unknown key", () => {
    expect(resolveKaspiOptions({ merchantId: "1", retention: { enabled: false } }, {}).retention.enabled).toBe(false)
    expect(() => resolveKaspiOptions({ merchantId: "1", retention: { days: 0 } }, {})).toThrow(/retention\.days/)
    expect(() => resolveKaspiOptions({ merchantId: "1", retention: { day: 30 } }, {})).toThrow(/retention/)
  })
})

describe("polling intervals", () => {
  it("reads open orders every 40 s and the archive every 10 minutes by status, whole every 6 hours, by default", () => {
    const o = resolveKaspiOptions({ merchantId: "1", token: "t" }, {}).orders
    expect(o).toMatchObject({ pollIntervalSeconds: 40, archiveSyncIntervalSeconds: 600, archiveRead: "by_status", archiveFullReadHours: 6 })
    expect(o).not.toHaveProperty("statusSyncIntervalSeconds")
  })

  it("still reads statusSyncIntervalSeconds as the archive interval and says what it is called now; the new name wins", () => {
    const old = { merchantId: "1", token: "t", orders: { statusSyncIntervalSeconds: 900 } }
    expect(resolveKaspiOptions(old, {}).orders.archiveSyncIntervalSeconds).toBe(900)
    expect(renamedOptionKeys(old)).toEqual([{ from: "orders.statusSyncIntervalSeconds", to: "orders.archiveSyncIntervalSeconds" }])
    const both = { merchantId: "1", token: "t", orders: { statusSyncIntervalSeconds: 900, archiveSyncIntervalSeconds: 1200 } }
    expect(resolveKaspiOptions(both, {}).orders.archiveSyncIntervalSeconds).toBe(1200)
    expect(renamedOptionKeys({ merchantId: "1" })).toEqual([])
  })

  it("refuses an archive read it does not know", () => {
    expect(() => resolveKaspiOptions({ merchantId: "1", token: "t", orders: { archiveRead: "sometimes" } }, {})).toThrow(KaspiOptionsError)
  })
})

describe("cards", () => {
  it("follows imports every minute, gives up after a day, caches the classification a day, posts text/plain", () => {
    expect(resolveKaspiOptions({ merchantId: "1" }, {}).cards).toEqual({
      followInBackground: true,
      followEverySeconds: 60,
      giveUpAfterHours: 24,
      classificationTtlHours: 24,
      importContentType: "text/plain",
    })
  })

  it("takes Kaspi's status names and refuses an unknown key or content type", () => {
    const o = resolveKaspiOptions({ merchantId: "1", cards: { importStatusNames: { finished: ["DONE", "COMPLETED"] } } }, {})
    expect(o.cards.importStatusNames).toEqual({ finished: ["DONE", "COMPLETED"] })
    expect(() => resolveKaspiOptions({ merchantId: "1", cards: { importStatusNames: { done: "X" } } }, {})).toThrow(/cards\.importStatusNames/)
    expect(() => resolveKaspiOptions({ merchantId: "1", cards: { importContentType: "text/csv" } }, {})).toThrow(/cards\.importContentType/)
    expect(() => resolveKaspiOptions({ merchantId: "1", cards: { followEverySeconds: 1 } }, {})).toThrow(/cards\.followEverySeconds/)
  })
})
