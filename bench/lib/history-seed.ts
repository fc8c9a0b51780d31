/**
 * A year (or a few days) of plugin history in bulk SQL: the store-side tables
 * as a merchant taking 300 Kaspi orders a day leaves them. One INSERT … SELECT
 * generate_series per table, so 100 000 orders and 1 000 000 events take
 * seconds, not the hours the import workflow would.
 *
 * The shape is deterministic (buckets from the row number, no random()), so
 * both sizes and every run see the same mix:
 * - the newest OPEN_ORDERS orders (one day at 300/day) are open on Kaspi, in
 *   every open state/status; a store's open orders depend on its daily volume,
 *   not on its age, so both sizes have the same number;
 * - the rest are ARCHIVE: mostly COMPLETED, some CANCELLED / RETURNED / …;
 * - import_status mostly imported, ~3 % ignored, a few pending/importing
 *   among the open ones;
 * - 4 needs_attention and 2 failed among the newest 1,000 orders: the same
 *   queue at both sizes, as for the flags below (a person works it off; it
 *   does not grow with the years);
 * - ~0.1 % of the newest 1,000 orders with sync_problem, ~0.1 % with disagreement: the same
 *   flagged orders at both sizes (flags are today's work for a person, cleared as it is done;
 *   they do not pile up with the years);
 * - 10 events per order plus 1 account event per 10 orders;
 * - 2 actions per imported order (accept, then assemble / complete / cancel),
 *   sent except a few failed, a few pending (due and backed off), one sending,
 *   and the open Kaspi Delivery orders' assemble rows still awaiting a waybill;
 * - 50 feed builds.
 */
export const ORDERS_PER_DAY = 300
export const OPEN_ORDERS = 300
export const ACCOUNT = "default"
const SPACING_S = 86_400 / ORDERS_PER_DAY

type Raw = (sql: string, bindings?: unknown[]) => Promise<unknown>

/** The Kaspi code of the i-th newest order (1-based): Kaspi's codes are 9-digit numbers. */
export const codeOf = (i: number) => String(100_000_000 + i)

export async function clearHistory(raw: Raw): Promise<void> {
  await raw(`truncate kaspi_event, kaspi_action, kaspi_feed_build, kaspi_sync_state, kaspi_order cascade`)
  await raw(`delete from kaspi_kaspi_order_order_order`)
}

export async function seedHistory(raw: Raw, n: number): Promise<void> {
  const open = Math.min(OPEN_ORDERS, Math.floor(n * 0.3))
  // Order i (1 = newest) was created i × SPACING_S seconds ago; r and r2 are independent 0..999 buckets.
  await raw(
    `insert into kaspi_order (id, account_id, kaspi_id, code, state, status, delivery_mode, is_kaspi_delivery, assembled,
       total_price, raw_total_price, delivery_cost, raw_delivery_cost, customer_phone, cancellation_reason, waybill_url,
       kaspi_created_at, kaspi_approved_at, import_status, import_reason, attempts, last_attempt_at, order_id,
       unmapped_skus, sync_problem, disagreement, raw, created_at, updated_at)
     select 'kord_hist' || lpad(i::text, 8, '0'), ?, 'a2lk' || i, (100000000 + i)::text, st.state, st.status, st.mode,
       st.state = 'KASPI_DELIVERY' or (st.state = 'ARCHIVE' and r % 5 < 2), st.state = 'KASPI_DELIVERY' and r % 10 = 7,
       price, jsonb_build_object('value', price::text, 'precision', 20), 0, '{"value":"0","precision":20}'::jsonb,
       '+77010000000', case when st.status = 'CANCELLED' then (array['BUYER_CANCELLATION_BY_MERCHANT','BUYER_NOT_REACHABLE','MERCHANT_OUT_OF_STOCK'])[1 + r % 3] end,
       case when st.state = 'ARCHIVE' and r % 5 < 2 then 'https://kaspi.kz/waybill/' || i || '.pdf' end,
       created, created, imp.status, imp.reason, 1, created + interval '1 minute',
       case when imp.status = 'imported' then 'order_hist' || lpad(i::text, 8, '0') end,
       case when imp.status = 'needs_attention' then '["UNMAPPED-SKU"]'::jsonb end,
       case when i <= 1000 and (i * 31) % 1000 = 7 then jsonb_build_object('kind', 'unreadable', 'reason', 'entries[0].quantity: expected a number', 'at', created) end,
       case when i <= 1000 and (i * 37) % 1000 = 11 then jsonb_build_object('kind', 'refused', 'action', 'cancel', 'reason', 'Kaspi refused the cancel', 'at', created) end,
       jsonb_build_object('id', 'a2lk' || i, 'type', 'orders', 'attributes', jsonb_build_object(
         'code', (100000000 + i)::text, 'totalPrice', price, 'paymentMode', 'PAY_WITH_CREDIT', 'creationDate', extract(epoch from created)::bigint * 1000,
         'deliveryMode', st.mode, 'state', st.state, 'status', st.status, 'signatureRequired', false, 'preOrder', false,
         'customer', jsonb_build_object('id', 'Y3VzdA' || i, 'name', 'Покупатель', 'firstName', 'Айгерим', 'lastName', 'Сапарова', 'cellPhone', '7010000000'),
         'deliveryAddress', jsonb_build_object('formattedAddress', 'Алматы, проспект Абая, ' || (i % 300) || ', кв. ' || (i % 90)),
         'entries', jsonb_build_array(jsonb_build_object('sku', 'BENCH-' || (i % 50), 'quantity', 1 + r % 3, 'basePrice', price)))),
       created, created + case when i <= ? then interval '10 minutes' else interval '3 days' end
     from (
       select i, (i * 7919) % 1000 as r, (i * 104729) % 1000 as r2,
         now() - make_interval(secs => i * ?) as created, 1000 + (i * 37) % 90000 as price
       -- bigint: the buckets multiply i by primes past 2^31
       from generate_series(1, ?::bigint) i
     ) g
     cross join lateral (
       select * from (values
         -- open orders: every state Kaspi lists them under
         (i <= ? and r % 10 < 2, 'NEW', 'APPROVED_BY_BANK', 'DELIVERY_PICKUP'),
         (i <= ? and r % 10 = 2, 'SIGN_REQUIRED', 'APPROVED_BY_BANK', 'DELIVERY_PICKUP'),
         (i <= ? and r % 10 in (3, 4), 'PICKUP', 'ACCEPTED_BY_MERCHANT', 'DELIVERY_PICKUP'),
         (i <= ? and r % 10 = 5, 'DELIVERY', 'ACCEPTED_BY_MERCHANT', 'DELIVERY_LOCAL'),
         (i <= ? and r % 10 in (6, 7), 'KASPI_DELIVERY', 'ACCEPTED_BY_MERCHANT', 'DELIVERY_REGIONAL_TODOOR'),
         (i <= ? and r % 10 = 8, 'KASPI_DELIVERY', 'KASPI_DELIVERY_RETURN_REQUESTED', 'DELIVERY_REGIONAL_TODOOR'),
         (i <= ? and r % 10 = 9, 'PICKUP', 'CANCELLING', 'DELIVERY_PICKUP'),
         -- the archive
         (i > ? and r < 850, 'ARCHIVE', 'COMPLETED', 'DELIVERY_PICKUP'),
         (i > ? and r >= 850 and r < 950, 'ARCHIVE', 'CANCELLED', 'DELIVERY_PICKUP'),
         -- a return Kaspi has not closed yet is at most a couple of weeks old
         (i > ? and (r >= 950 and r < 980 or r >= 980 and i > 14 * 300), 'ARCHIVE', 'RETURNED', 'DELIVERY_REGIONAL_TODOOR'),
         (i > ? and r >= 980 and i <= 14 * 300, 'ARCHIVE', 'RETURN_ACCEPTED_BY_MERCHANT', 'DELIVERY_REGIONAL_TODOOR')
       ) v(hit, state, status, mode) where hit
     ) st
     cross join lateral (
       select case
         when r2 < 30 and (i > ? or r2 < 3) then 'ignored'
         when i <= 1000 and r2 >= 30 and r2 < 34 then 'needs_attention'
         when i <= 1000 and r2 >= 34 and r2 < 36 then 'failed'
         when i <= ? and r2 >= 36 and r2 < 40 then 'pending'
         when i <= ? and r2 = 40 then 'importing'
         else 'imported' end as status
     ) imp0
     cross join lateral (
       select imp0.status, case imp0.status
         when 'needs_attention' then 'SKU "UNMAPPED-SKU" is not mapped to a variant'
         when 'failed' then 'Kaspi sent an order the plugin cannot read'
         when 'ignored' then 'cancelled on Kaspi before it was imported' end as reason
     ) imp`,
    [ACCOUNT, open, SPACING_S, n, ...Array(7).fill(open), ...Array(4).fill(open), open, open, open]
  )

  // Ten events per order, minutes apart, in the order an imported order meets them.
  await raw(
    `insert into kaspi_event (id, account_id, kaspi_code, type, result, message, data, kaspi_order_id, created_at, updated_at)
     select 'kevt_hist' || lpad(o.n::text, 8, '0') || '_' || j, o.account_id, o.code,
       (array['import.claimed','import.imported','action.accept','kaspi.status_changed','action.assemble','waybill.attached',
              'kaspi.status_changed','action.complete','medusa.order_completed','kaspi.status_changed'])[j],
       case when j = 10 and o.n % 97 = 0 then 'error' when j in (2, 3, 8) then 'ok' else 'info' end,
       'Kaspi order ' || o.code || ': step ' || j || ' of its history',
       jsonb_build_object('code', 'history.step', 'params', jsonb_build_object('step', j, 'code', o.code)),
       o.id, o.kaspi_created_at + make_interval(mins => j), o.kaspi_created_at + make_interval(mins => j)
     from (select id, account_id, code, kaspi_created_at, substr(id, 10)::int as n from kaspi_order) o
     cross join generate_series(1, 10) j`
  )
  // The account's own history (polls that failed, retention runs, feed builds): no order attached.
  await raw(
    `insert into kaspi_event (id, account_id, type, result, message, data, created_at, updated_at)
     select 'kevt_hista' || lpad(i::text, 8, '0'), ?, (array['poll.failed','kaspi.retention','feed.published'])[1 + i % 3],
       case when i % 3 = 0 then 'error' else 'info' end, 'account event ' || i, '{}'::jsonb,
       now() - make_interval(secs => i * ? * 10), now() - make_interval(secs => i * ? * 10)
     from generate_series(1, ?) i`,
    [ACCOUNT, SPACING_S, SPACING_S, Math.max(1, Math.floor(n / 10))]
  )

  // Two actions per imported order; the open ones still in flight.
  await raw(
    `insert into kaspi_action (id, account_id, kaspi_order_id, kaspi_id, code, order_id, action, payload, idempotency_key,
       origin, status, attempts, next_attempt_at, lease_until, last_error, error_kind, result, sent_at, created_at, updated_at)
     select 'kact_hist' || lpad(o.n::text, 8, '0') || '_' || j, o.account_id, o.id, o.kaspi_id, o.code, o.order_id, a.action,
       '{}'::jsonb, o.id || ':' || a.action, case when j = 1 then 'auto_accept' else 'admin' end,
       a.status, case when a.status = 'pending' then 0 else 1 end,
       case when a.status = 'pending' then case when o.n % 2 = 0 then now() - interval '1 minute' else now() + interval '10 minutes' end end,
       case when a.status = 'sending' then now() + interval '5 minutes' end,
       case when a.status = 'failed' then 'Kaspi refused the change' end, case when a.status = 'failed' then 'bad_request' end,
       case when a.action = 'assemble' and a.status = 'sent' then
         case when o.state = 'KASPI_DELIVERY' then '{}'::jsonb else '{"waybill_done": true}'::jsonb end end,
       case when a.status = 'sent' then o.kaspi_created_at + make_interval(mins => 5 * j) end,
       o.kaspi_created_at + make_interval(mins => 5 * j), o.kaspi_created_at + make_interval(mins => 5 * j)
     from (select id, account_id, kaspi_id, code, order_id, state, status, is_kaspi_delivery, kaspi_created_at, substr(id, 10)::int as n
           from kaspi_order where import_status = 'imported') o
     cross join generate_series(1, 2) j
     cross join lateral (
       select case
           when j = 1 then 'accept'
           when o.status in ('CANCELLED', 'CANCELLING') then 'cancel'
           when o.is_kaspi_delivery then 'assemble'
           else 'complete' end as action,
         case
           when o.state <> 'ARCHIVE' and j = 2 and o.n % 23 = 0 then 'pending'
           when o.state <> 'ARCHIVE' and j = 2 and o.n = 3 then 'sending'
           when j = 2 and o.n % 500 = 1 then 'failed'
           else 'sent' end as status
     ) a`
  )

  // The feed builds the account keeps (history_size 50), one every 6 hours.
  await raw(
    `insert into kaspi_feed_build (id, account_id, status, trigger, started_at, finished_at, published_at, duration_ms,
       offers_count, stats, content_hash, body_hash, created_at, updated_at)
     select 'kfbld_hist' || lpad(i::text, 4, '0'), ?, case when i % 4 = 0 then 'published' else 'unchanged' end, 'schedule',
       now() - make_interval(hours => 6 * i), now() - make_interval(hours => 6 * i) + interval '2 seconds',
       case when i % 4 = 0 then now() - make_interval(hours => 6 * i) + interval '2 seconds' end, 2000, 5000,
       '{"variants_read": 5000}'::jsonb, md5(i::text), md5(i::text), now() - make_interval(hours => 6 * i), now() - make_interval(hours => 6 * i)
     from generate_series(1, 50) i`,
    [ACCOUNT]
  )
}
