import { z } from "@medusajs/framework/zod"

/** What the plugin tells the merchant about, each switched on or off and routed on its own. */
export const KASPI_NOTIFICATION_KINDS = [
  "new_order",
  "needs_attention",
  "action_failed",
  "disagreement",
  "feed_refused",
  "deadline",
] as const
export type KaspiNotificationKind = (typeof KASPI_NOTIFICATION_KINDS)[number]

/** The admin's bell: Medusa's dashboard lists the notifications of this channel. */
export const FEED_CHANNEL = "feed"

const kindSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Channels of the store's Notification Module providers ("feed", "email"…). */
    channels: z.array(z.string().min(1)).min(1).default([FEED_CHANNEL]),
    /** The address for the channels other than the feed (the feed is every admin's). */
    to: z.string().min(1).optional(),
  })
  .strict()
  .refine((k) => k.to !== undefined || k.channels.every((c) => c === FEED_CHANNEL), {
    message: "needs `to` (the address) for a channel other than \"feed\"",
  })

export type KaspiNotificationKindOptions = z.infer<typeof kindSchema>

const kindDefault = (): KaspiNotificationKindOptions => ({ enabled: true, channels: [FEED_CHANNEL] })

const kindsSchema = z
  .object(Object.fromEntries(KASPI_NOTIFICATION_KINDS.map((k) => [k, kindSchema.default(kindDefault)])) as Record<
    KaspiNotificationKind,
    z.ZodDefault<typeof kindSchema>
  >)
  .strict()

/** `notifications` in the plugin options: everything on, in Russian, to the admin's bell. */
export const kaspiNotificationOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    language: z.enum(["ru", "en"]).default("ru"),
    kinds: kindsSchema.default(() => kindsSchema.parse({})),
  })
  .strict()

export type KaspiNotificationOptions = z.infer<typeof kaspiNotificationOptionsSchema>
export type KaspiNotificationLanguage = KaspiNotificationOptions["language"]
