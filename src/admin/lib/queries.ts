import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { kaspiApi, medusaApi, type ActionsQuery, type EventsQuery, type OrdersQuery } from "./api"
import { isWaitingForKaspi } from "./kaspi-words"
import type { KaspiActionBody, KaspiActionRow, ResolveDisagreementBody } from "./types"

/**
 * react-query hooks on the dashboard's own QueryClient (react-query is not
 * bundled with the plugin: GUIDE.md §7). Keys start with "kaspi" so one
 * invalidation refreshes every Kaspi screen.
 */
export const kaspiKeys = {
  all: ["kaspi"] as const,
  order: (ref: string) => ["kaspi", "order", ref] as const,
  orderActions: (ref: string) => ["kaspi", "order", ref, "actions"] as const,
  orders: (q: OrdersQuery) => ["kaspi", "orders", q] as const,
  actions: (q: ActionsQuery) => ["kaspi", "actions", q] as const,
  events: (q: EventsQuery) => ["kaspi", "events", q] as const,
  overview: () => ["kaspi", "overview"] as const,
  deadlines: (limit: number) => ["kaspi", "deadlines", limit] as const,
  accounts: () => ["kaspi", "accounts"] as const,
  orderOptions: (accountId: string) => ["kaspi", "order-options", accountId] as const,
  check: (accountId: string) => ["kaspi", "check", accountId] as const,
  storeMappings: () => ["kaspi", "store-mappings"] as const,
  feed: (accountId: string) => ["kaspi", "feed", accountId] as const,
  feedPart: (accountId: string, part: string) => ["kaspi", "feed", accountId, part] as const,
  latestBackfill: () => ["kaspi", "backfills", "latest"] as const,
}

/** While a backfill runs its progress is re-read every 1.5 s; once it has ended, not at all. */
const BACKFILL_POLL_MS = 1_500

/** The latest backfill (any account), polled while it is running or cancelling. */
export function useLatestKaspiBackfill() {
  return useQuery({
    queryKey: kaspiKeys.latestBackfill(),
    queryFn: async () => (await kaspiApi.backfills(1)).backfills[0] ?? null,
    refetchInterval: (q) => {
      const status = q.state.data?.status
      return status === "running" || status === "cancelling" ? BACKFILL_POLL_MS : false
    },
  })
}

export function useKaspiOrder(ref: string, enabled = true) {
  return useQuery({ queryKey: kaspiKeys.order(ref), queryFn: () => kaspiApi.order(ref), enabled })
}

/** While an action waits for Kaspi (the outbox job sends it), the order's outbox is re-read so the widget sees it land. */
const WAITING_POLL_MS = 5_000

export function useKaspiOrderActions(ref: string, enabled = true) {
  return useQuery({
    queryKey: kaspiKeys.orderActions(ref),
    queryFn: () => kaspiApi.orderActions(ref),
    enabled,
    refetchInterval: (q) => (q.state.data?.actions.some(isWaitingForKaspi) ? WAITING_POLL_MS : false),
  })
}

/** Sends one action; afterwards the Kaspi data and Medusa's own order views are refetched (a cancel changes both). */
export function useKaspiActionMutation(ref: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: KaspiActionBody; idempotencyKey?: string }) => kaspiApi.sendAction(ref, body, idempotencyKey),
    onSettled: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: kaspiKeys.all }), qc.invalidateQueries({ queryKey: ["orders"] })])
    },
  })
}

/**
 * After "send again", "mark resolved" or an action landing, the Kaspi data and
 * Medusa's own order views are refetched: the Medusa order follows what Kaspi confirmed.
 */
export function useRefetchKaspiAndOrders() {
  const qc = useQueryClient()
  return () => Promise.all([qc.invalidateQueries({ queryKey: kaspiKeys.all }), qc.invalidateQueries({ queryKey: ["orders"] })])
}

/** "Send again": the same failed outbox row, a new attempt. */
export function useSendActionAgain() {
  const refetch = useRefetchKaspiAndOrders()
  return useMutation({
    mutationFn: (row: Pick<KaspiActionRow, "id" | "kaspi_order_id" | "action">) => kaspiApi.sendActionAgain(row),
    onSettled: refetch,
  })
}

/** Marks an order's disagreement resolved (`ref`: kord_ id, Medusa order id or Kaspi code). */
export function useResolveDisagreement(ref: string) {
  const refetch = useRefetchKaspiAndOrders()
  return useMutation({
    mutationFn: (body: ResolveDisagreementBody) => kaspiApi.resolveDisagreement(ref, body),
    onSettled: refetch,
  })
}

/** Outbox rows across orders; re-read every 30 s like the overview, since the outbox job gives up on rows in the background. */
export function useKaspiActions(q: ActionsQuery) {
  return useQuery({ queryKey: kaspiKeys.actions(q), queryFn: () => kaspiApi.actions(q), placeholderData: (prev) => prev, refetchInterval: 30_000 })
}

export function useKaspiEvents(q: EventsQuery) {
  return useQuery({ queryKey: kaspiKeys.events(q), queryFn: () => kaspiApi.events(q), placeholderData: (prev) => prev })
}

export function useKaspiOrders(q: OrdersQuery) {
  return useQuery({ queryKey: kaspiKeys.orders(q), queryFn: () => kaspiApi.orders(q), placeholderData: (prev) => prev })
}

export function useKaspiOverview(todayFrom: string) {
  return useQuery({ queryKey: kaspiKeys.overview(), queryFn: () => kaspiApi.overview(todayFrom), refetchInterval: 30_000 })
}

export function useKaspiDeadlines(limit: number) {
  return useQuery({ queryKey: kaspiKeys.deadlines(limit), queryFn: () => kaspiApi.deadlines(limit), refetchInterval: 30_000 })
}

export function useKaspiAccounts() {
  return useQuery({ queryKey: kaspiKeys.accounts(), queryFn: () => kaspiApi.accounts() })
}

export function useKaspiOrderOptions(accountId: string) {
  return useQuery({ queryKey: kaspiKeys.orderOptions(accountId), queryFn: () => kaspiApi.orderOptions(accountId) })
}

/** The last compatibility check of a shop (null until one ran). */
export function useKaspiCheck(accountId: string) {
  return useQuery({ queryKey: kaspiKeys.check(accountId), queryFn: () => kaspiApi.kaspiCheck(accountId) })
}

/** Runs the check; its answer is the new last check (the server stored it). */
export function useRunKaspiCheck(accountId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => kaspiApi.runKaspiCheck(accountId),
    onSuccess: (data) => qc.setQueryData(kaspiKeys.check(accountId), data),
  })
}

export function useStoreMappings() {
  return useQuery({ queryKey: kaspiKeys.storeMappings(), queryFn: () => kaspiApi.storeMappings() })
}

export function useStockLocations() {
  return useQuery({ queryKey: ["kaspi", "stock-locations"], queryFn: () => medusaApi.stockLocations() })
}

export function useVariantSearch(q: string) {
  return useQuery({ queryKey: ["kaspi", "variants", q], queryFn: () => medusaApi.variants(q), placeholderData: (prev) => prev })
}

export function useKaspiFeed(accountId: string | undefined) {
  return useQuery({ queryKey: kaspiKeys.feed(accountId ?? ""), queryFn: () => kaspiApi.feed(accountId!), enabled: Boolean(accountId) })
}

/** Invalidates every Kaspi query: after a change, all screens show the new state. */
export function useInvalidateKaspi() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: kaspiKeys.all })
}
