import { z } from "@medusajs/framework/zod"
import { SecretToken } from "./secret"
import { pluginVersion } from "./package-version"
import { parseTokenKey, TokenKeyError, type TokenKey } from "./token-crypto"
import { kaspiNotificationOptionsSchema, type KaspiNotificationOptions } from "./notification-options"

export const DEFAULT_API_URL = "https://kaspi.kz/shop/api"
export const DEFAULT_TOKEN_ENV = "KASPI_API_TOKEN"
export const DEFAULT_TOKEN_KEY_ENV = "KASPI_TOKEN_ENCRYPTION_KEY"
/** `medusa-plugin-kaspi/<the installed package's version> (+npm page)`: a real, identifiable client (API.md a.0). */
export const DEFAULT_USER_AGENT = `medusa-plugin-kaspi/${pluginVersion()} (+https://www.npmjs.com/package/medusa-plugin-kaspi)`

// Kaspi's WAF silently drops requests with library-default User-Agents (API.md a.0),
// so a non-default one is required rather than merely recommended.
const LIBRARY_DEFAULT_UA = /^(node|undici|node-fetch|axios|got|python-requests|python-httpx|curl|Go-http-client|okhttp)(\/|$)/i

const accountSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, "must be a short slug (letters, digits, - and _), e.g. \"main\""),
    merchantId: z.string().min(1, "is required: your shop ID from the Kaspi seller cabinet"),
    name: z.string().optional(),
    token: z.string().min(1).optional(),
    tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name").optional(),
    apiUrl: z.string().url().optional(),
  })
  .strict()

const retrySchema = z
  .object({
    attempts: z.number().int().min(1).max(10).default(4),
    baseDelayMs: z.number().int().min(0).max(60_000).default(500),
    maxDelayMs: z.number().int().min(0).max(300_000).default(10_000),
  })
  .strict()

const timeoutsSchema = z
  .object({
    ordersMs: z.number().int().positive().default(30_000),
    productsMs: z.number().int().positive().default(60_000),
    waybillMs: z.number().int().positive().default(60_000),
  })
  .strict()

const ordersSchema = z
  .object({
    /** Poll Kaspi for orders on a schedule. Off: only "sync now" and backfill from the admin. */
    polling: z.boolean().default(true),
    /**
     * Open orders — new ones and those on their way (states NEW, SIGN_REQUIRED, PICKUP, DELIVERY,
     * KASPI_DELIVERY) — are read this often, over the whole window: a change on an open order shows in
     * Medusa within about this plus 10 s. Five requests for an idle shop, one more per 100 open orders.
     */
    pollIntervalSeconds: z.number().int().min(10).max(3600).default(40),
    /**
     * Archived orders (state ARCHIVE) are read this often for what still happens to them after they
     * were finished: returns and late cancels, one request per status that carries them.
     */
    archiveSyncIntervalSeconds: z.number().int().min(30).max(86_400).optional(),
    /** The former name of archiveSyncIntervalSeconds, still read (and warned about). */
    statusSyncIntervalSeconds: z.number().int().min(30).max(86_400).optional(),
    /**
     * How the archive is read: "by_status" asks Kaspi only for the statuses that change after an
     * order is finished (API.md (b); one public client reads ARCHIVE+RETURNED the same way), with the
     * whole archive read every archiveFullReadHours; "all" reads the whole archive every time (the
     * conservative form, if a shop finds Kaspi ignoring the status filter — the plugin also falls back
     * to it by itself when an answer shows the filter was ignored).
     */
    archiveRead: z.enum(["by_status", "all"]).default("by_status"),
    /** The whole archive is read this often, and after polling stopped for longer than the archive interval. */
    archiveFullReadHours: z.number().int().min(1).max(168).default(6),
    /** How far back the very first poll looks (Kaspi keeps order filters to 14-day windows). */
    initialLookbackDays: z.number().int().min(1).max(90).default(14),
    /**
     * Width of each creationDate window asked of Kaspi. Kaspi's limit is 14 days (API.md a.1) but
     * whether it counts them in Almaty calendar days, inclusively, is not known (a.0): 13 is safe
     * under every reading. Raise to 14 only after the Kaspi check confirmed it.
     */
    windowDays: z.number().int().min(1).max(14).default(13),
    /** Consecutive windows overlap by this much, so no order falls between two of them. */
    windowOverlapMinutes: z.number().int().min(0).max(600).default(60),
    /** Still-open orders older than the window are refreshed by code, this many per tick. */
    refreshOpenOrdersPerTick: z.number().int().min(0).max(1000).default(50),
    /** Accept on Kaspi right after a clean import (every line mapped and reserved). */
    autoAccept: z.boolean().default(false),
    /**
     * How long after the bank's approval an order waits for acceptance before Kaspi may cancel it. Kaspi
     * does not publish this time-out (API.md f.12): the default is a guess on the short side, so a
     * warning comes early rather than late. Set it to what your Kaspi manager tells you.
     */
    acceptWithinMinutes: z.number().int().min(5).max(2880).default(60),
    /** A deadline (acceptance, courier hand-over) is announced this long before it passes (notification "deadline"). */
    deadlineWarnMinutes: z.number().int().min(1).max(720).default(15),
    /** An import that crashed releases its order after this long. */
    importLeaseSeconds: z.number().int().min(10).max(3600).default(300),
    /** Fixed Medusa ids for imports; unset ones are chosen or created once by the setup workflow. */
    regionId: z.string().optional(),
    salesChannelId: z.string().optional(),
    shippingOptionId: z.string().optional(),
    stockLocationId: z.string().optional(),
  })
  .strict()

/** archiveSyncIntervalSeconds once resolved (from its former name, or its default of 10 minutes). */
export type KaspiOrdersOptions = Omit<z.infer<typeof ordersSchema>, "archiveSyncIntervalSeconds" | "statusSyncIntervalSeconds"> & {
  archiveSyncIntervalSeconds: number
}

export const DEFAULT_ARCHIVE_SYNC_INTERVAL_SECONDS = 600

function resolveOrdersOptions(o: z.infer<typeof ordersSchema>): KaspiOrdersOptions {
  const { statusSyncIntervalSeconds, archiveSyncIntervalSeconds, ...rest } = o
  return { ...rest, archiveSyncIntervalSeconds: archiveSyncIntervalSeconds ?? statusSyncIntervalSeconds ?? DEFAULT_ARCHIVE_SYNC_INTERVAL_SECONDS }
}

/** Options still read under a former name: the loader says what they are called now. */
export function renamedOptionKeys(input: unknown): Array<{ from: string; to: string }> {
  const orders = (input as { orders?: Record<string, unknown> } | null)?.orders
  return orders && typeof orders === "object" && "statusSyncIntervalSeconds" in orders
    ? [{ from: "orders.statusSyncIntervalSeconds", to: "orders.archiveSyncIntervalSeconds" }]
    : []
}

const actionsSchema = z
  .object({
    /** Record and show actions but never send them to Kaspi (try the plugin on a live shop safely). */
    dryRun: z.boolean().default(false),
    /** Used when a Kaspi order is cancelled in Medusa without a Kaspi reason chosen. */
    defaultCancelReason: z
      .enum(["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"])
      .default("MERCHANT_OUT_OF_STOCK"),
    /** Send as soon as the action is recorded; otherwise only the outbox job sends. */
    sendImmediately: z.boolean().default(true),
    /** Run the outbox job (retries, waybills). Off only in tests that drive it themselves. */
    retryInBackground: z.boolean().default(true),
    /** The outbox job: actions per tick, and how long a sender holds a row. */
    batchSize: z.number().int().min(1).max(500).default(50),
    leaseSeconds: z.number().int().min(10).max(3600).default(120),
  })
  .strict()

export type KaspiActionsOptions = z.infer<typeof actionsSchema>

/**
 * Orders reconciled per shop and run of the reconciliation job (every 15
 * minutes). Each costs one Kaspi request (two when Kaspi leaves the entries
 * out, API.md a.4) on top of the poll's, and Kaspi publishes no rate limit
 * (API.md f.2): 25 every 15 minutes is 100 requests an hour, and every open
 * order comes round once per (open orders / 25) runs.
 */
export const DEFAULT_RECONCILE_ORDERS_PER_RUN = 25

const reconcileSchema = z
  .object({
    /** Run the reconciliation job (every 15 min) for the shops whose polling is on. */
    enabled: z.boolean().default(true),
    /** Open orders compared with Kaspi per shop and run (one Kaspi request each). */
    ordersPerRun: z.number().int().min(1).max(200).default(DEFAULT_RECONCILE_ORDERS_PER_RUN),
  })
  .strict()

export type KaspiReconcileOptions = z.infer<typeof reconcileSchema>

/**
 * Retention of the plugin's history (issue #16): events (kaspi_event) and
 * finished outbox rows (kaspi_action: sent, failed, dry_run — never pending or
 * sending) older than `days` are deleted by the `kaspi-prune-history` job, in
 * statements of `batchSize` rows, at most `maxBatchesPerRun` statements per
 * table and run (a backlog is worked off over several hourly runs instead of
 * holding the database in one long run).
 */
const retentionSchema = z
  .object({
    /** Run the pruning job. Off: history is kept for ever. */
    enabled: z.boolean().default(true),
    /** Age, in days, past which events and finished actions are deleted. */
    days: z.number().int().min(1).max(3650).default(180),
    /** Rows deleted per statement. */
    batchSize: z.number().int().min(1).max(10_000).default(1000),
    /** Statements per table and run. */
    maxBatchesPerRun: z.number().int().min(1).max(10_000).default(100),
  })
  .strict()

export type KaspiRetentionOptions = z.infer<typeof retentionSchema>

const nameList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])

/**
 * Kaspi product cards (issue #18, API.md a.14): how imports are followed and
 * how long Kaspi's classification is cached, and the content API's forms where
 * sources conflict (the import's Content-Type, the names of statuses).
 */
const cardsSchema = z
  .object({
    /** Run the job that follows sent imports (every minute). Off only in tests that drive it themselves. */
    followInBackground: z.boolean().default(true),
    /** An import still processing is asked about again after this long. */
    followEverySeconds: z.number().int().min(10).max(3600).default(60),
    /** An import Kaspi has not finished after this long is given up on ("unknown"). */
    giveUpAfterHours: z.number().int().min(1).max(720).default(24),
    /** Kaspi's categories, attributes and values are read again after this long (or on a refresh). */
    classificationTtlHours: z.number().min(0).max(720).default(24),
    /** How POST /products/import labels its body (API.md a.14: text/plain in the guide's example). */
    importContentType: z.enum(["text/plain", "application/json"]).default("text/plain"),
    /** Kaspi's names for an import's status, where they differ from both documented sets. */
    importStatusNames: z.object({ uploaded: nameList, finished: nameList, aborted: nameList }).partial().strict().optional(),
    /** Kaspi's names for a SKU's state in an import's result. */
    skuStateNames: z.object({ imported: nameList, error: nameList, warning: nameList, skipped: nameList }).partial().strict().optional(),
  })
  .strict()

export type KaspiCardsOptions = z.infer<typeof cardsSchema>

export const kaspiPluginOptionsSchema = z
  .object({
    accounts: z.array(accountSchema).optional(),
    // Single-shop shorthand: { merchantId, token } instead of accounts: [...].
    accountId: z.string().optional(),
    merchantId: z.string().optional(),
    token: z.string().min(1).optional(),
    tokenEnv: z.string().optional(),
    apiUrl: z.string().url().default(DEFAULT_API_URL),
    timeouts: timeoutsSchema.default({ ordersMs: 30_000, productsMs: 60_000, waybillMs: 60_000 }),
    minRequestIntervalMs: z.number().int().min(0).max(60_000).default(200),
    maxConcurrentRequests: z.number().int().min(1).max(20).default(2),
    retry: retrySchema.default({ attempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 }),
    userAgent: z
      .string()
      .min(1)
      .refine((ua) => !LIBRARY_DEFAULT_UA.test(ua), "must not be a library default: Kaspi's firewall drops such requests")
      .default(DEFAULT_USER_AGENT),
    proxyUrl: z.string().url().optional(),
    /** Largest Kaspi answer read (JSON) and waybill PDF downloaded, in MB: a bigger one fails, never buffered whole. */
    maxResponseMb: z.number().positive().max(512).default(16),
    maxWaybillMb: z.number().positive().max(512).default(20),
    /**
     * Environment variable holding the key (32 bytes, base64 or hex) that
     * encrypts tokens entered in the admin. Unset: tokens come only from
     * options / environment, and the admin cannot store one.
     */
    tokenEncryptionKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name")
      .default(DEFAULT_TOKEN_KEY_ENV),
    orders: ordersSchema.default(ordersSchema.parse({})),
    actions: actionsSchema.default(actionsSchema.parse({})),
    reconcile: reconcileSchema.default(reconcileSchema.parse({})),
    retention: retentionSchema.default(retentionSchema.parse({})),
    notifications: kaspiNotificationOptionsSchema.default(() => kaspiNotificationOptionsSchema.parse({})),
    cards: cardsSchema.default(cardsSchema.parse({})),
  })
// Not strict: Medusa adds its own keys (e.g. `database`) to every module's options.
// Unknown keys are reported as warnings instead (see unknownOptionKeys).

const MEDUSA_INJECTED_KEYS = new Set(["database", "scope", "resources", "dependencies", "definition"])

/** Option keys the plugin does not know: most likely typos, so the loader warns about them. */
export function unknownOptionKeys(input: unknown): string[] {
  if (!input || typeof input !== "object") return []
  const known = new Set(Object.keys(kaspiPluginOptionsSchema.shape))
  return Object.keys(input).filter((k) => !known.has(k) && !MEDUSA_INJECTED_KEYS.has(k))
}

export type KaspiPluginOptionsInput = z.input<typeof kaspiPluginOptionsSchema>

export interface KaspiAccountConfig {
  id: string
  merchantId: string
  name?: string
  apiUrl: string
  /** undefined when neither the option nor the environment variable holds a token (one may be stored in the admin). */
  token?: SecretToken
  /** Where the token was found: "options", "env:NAME" or "none". */
  tokenSource: string
  /** The environment variable looked at for this account's token. */
  tokenEnv?: string
}

export interface KaspiResolvedOptions {
  accounts: KaspiAccountConfig[]
  apiUrl: string
  timeouts: { ordersMs: number; productsMs: number; waybillMs: number }
  minRequestIntervalMs: number
  maxConcurrentRequests: number
  retry: { attempts: number; baseDelayMs: number; maxDelayMs: number }
  userAgent: string
  proxyUrl?: string
  /** Size caps of what is read from Kaspi (maxResponseMb, maxWaybillMb), in bytes. */
  maxResponseBytes: { json: number; binary: number }
  /** The key for tokens stored from the admin; undefined when its variable is unset. */
  tokenKey?: TokenKey
  tokenKeyEnv: string
  orders: KaspiOrdersOptions
  actions: KaspiActionsOptions
  reconcile: KaspiReconcileOptions
  retention: KaspiRetentionOptions
  notifications: KaspiNotificationOptions
  cards: KaspiCardsOptions
}

export class KaspiOptionsError extends Error {
  constructor(message: string) {
    super(`medusa-plugin-kaspi: invalid plugin options: ${message}`)
    this.name = "KaspiOptionsError"
  }
}

/**
 * Validates the plugin options from medusa-config and resolves tokens from the
 * environment. Errors name the option path and never echo a token value.
 */
export function resolveKaspiOptions(
  input: unknown,
  env: NodeJS.ProcessEnv = process.env
): KaspiResolvedOptions {
  const parsed = kaspiPluginOptionsSchema.safeParse(input ?? {})
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    throw new KaspiOptionsError(lines.join("; "))
  }
  const o = parsed.data

  const declared = o.accounts ?? []
  if (declared.length && (o.merchantId || o.token)) {
    throw new KaspiOptionsError("use either `accounts: [...]` or the single-shop shorthand `merchantId`/`token`, not both")
  }
  const list = declared.length
    ? declared
    : o.merchantId
      ? [{ id: o.accountId ?? "default", merchantId: o.merchantId, token: o.token, tokenEnv: o.tokenEnv }]
      : []
  if (!declared.length && !o.merchantId && o.token) {
    throw new KaspiOptionsError("`merchantId` is required with `token`")
  }

  const seen = new Set<string>()
  const accounts = list.map((a, index): KaspiAccountConfig => {
    if (seen.has(a.id)) {
      throw new KaspiOptionsError(`accounts.${index}.id: "${a.id}" is used twice`)
    }
    seen.add(a.id)
    const envName = a.tokenEnv ?? (list.length === 1 ? DEFAULT_TOKEN_ENV : undefined)
    const fromEnv = envName ? env[envName]?.trim() : undefined
    const value = a.token ?? (fromEnv || undefined)
    return {
      id: a.id,
      merchantId: a.merchantId,
      name: "name" in a ? a.name : undefined,
      apiUrl: ("apiUrl" in a && a.apiUrl) || o.apiUrl,
      token: value ? new SecretToken(value) : undefined,
      tokenSource: a.token ? "options" : value ? `env:${envName}` : "none",
      tokenEnv: envName,
    }
  })

  const rawKey = env[o.tokenEncryptionKeyEnv]?.trim()
  let tokenKey: TokenKey | undefined
  try {
    tokenKey = rawKey ? parseTokenKey(rawKey, o.tokenEncryptionKeyEnv) : undefined
  } catch (e) {
    throw new KaspiOptionsError(e instanceof TokenKeyError ? e.message : String(e))
  }

  return {
    accounts,
    apiUrl: o.apiUrl,
    tokenKey,
    tokenKeyEnv: o.tokenEncryptionKeyEnv,
    timeouts: o.timeouts,
    minRequestIntervalMs: o.minRequestIntervalMs,
    maxConcurrentRequests: o.maxConcurrentRequests,
    retry: o.retry,
    userAgent: o.userAgent,
    proxyUrl: o.proxyUrl,
    maxResponseBytes: { json: Math.round(o.maxResponseMb * 1024 * 1024), binary: Math.round(o.maxWaybillMb * 1024 * 1024) },
    orders: resolveOrdersOptions(o.orders),
    actions: o.actions,
    reconcile: o.reconcile,
    retention: o.retention,
    notifications: o.notifications,
    cards: o.cards,
  }
}
