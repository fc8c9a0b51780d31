import { fillRoute, listAdminRoutes } from "../lib/admin-routes"
import type { Cluster } from "../lib/cluster"
import { sql } from "../lib/db"
import { report } from "../lib/figures"
import { allOutput } from "../lib/medusa-process"
import { SENTINEL_TOKEN } from "../lib/settings"

/**
 * The Kaspi token of this run is a sentinel value. After everything else ran
 * (imports, deliveries, faults, crashes) and after provoking errors on purpose
 * (Kaspi down during a connection test, a sync and a retry), it must appear in
 * no process output, no admin API answer, no error, no kaspi_* table. The
 * token was entered through the admin (lib/cluster.ts), so it IS in the
 * database, and only as AES-256-GCM ciphertext: the table scan below proves
 * the plain value is nowhere, the credential check that it is there. Every
 * /admin/kaspi route answers 401 without a session; the public feed answers
 * the same 404 for a wrong secret and for an account that does not exist.
 */
export async function secretsAndAccess(c: Cluster) {
  const leaks: string[] = []
  const bodies: string[] = []
  const routes = listAdminRoutes()
  const [order] = await sql(c.db, `select code from kaspi_order where import_status = 'imported' limit 1`)
  const values = { id: "default", accountId: "default" }

  // Errors on purpose: Kaspi answers garbage, then nothing but 500s.
  c.sandbox.setFaults({ rate: 1, kinds: ["5xx", "html404", "malformed"] })
  try {
    for (const [method, route, body] of [
      ["POST", "/admin/kaspi/accounts/default/test-connection", {}],
      ["POST", "/admin/kaspi/orders/sync", {}],
      ["POST", `/admin/kaspi/orders/${order?.code ?? "0"}/retry`, {}],
    ] as const) {
      const r = await c.admin(method, route, body)
      bodies.push(`${method} ${route} → ${r.status} ${JSON.stringify(r.body)}`)
    }
  } finally {
    c.sandbox.setFaults({ rate: 0, kinds: [] })
  }

  // Every authenticated GET the plugin has, with real ids where it needs them.
  const unauthenticated: string[] = []
  let probes = 0
  for (const route of routes) {
    for (const method of route.methods) {
      probes += 1
      const url = fillRoute(route.pattern, route.pattern.startsWith("/admin/kaspi/orders/") ? { ...values, id: order?.code ?? "0" } : values)
      const anon = await fetch(`${c.server.baseUrl}${url}`, {
        method,
        headers: method === "GET" ? {} : { "content-type": "application/json" },
        body: method === "GET" ? undefined : "{}",
      })
      if (anon.status !== 401) unauthenticated.push(`${method} ${route.pattern} → ${anon.status}`)
      if (method === "GET") {
        const r = await c.admin("GET", url)
        bodies.push(`GET ${url} → ${r.status} ${JSON.stringify(r.body)}`)
      }
    }
  }
  for (const b of bodies) if (b.includes(SENTINEL_TOKEN)) leaks.push(`admin answer: ${b.slice(0, 200)}`)

  // The public feed: a wrong secret and an unknown account look the same.
  const [feed] = await sql(c.db, `select secret from kaspi_feed_config where account_id = 'default'`)
  const wrongSecret = await fetch(`${c.server.baseUrl}/kaspi/feed/default/${"x".repeat(43)}.xml`)
  const unknownAccount = await fetch(`${c.server.baseUrl}/kaspi/feed/no-such-shop/${feed.secret}.xml`)
  const rightSecret = await fetch(`${c.server.baseUrl}/kaspi/feed/default/${feed.secret}.xml`)
  const feedAnswers = {
    wrong_secret: `${wrongSecret.status} ${await wrongSecret.text()}`,
    unknown_account: `${unknownAccount.status} ${await unknownAccount.text()}`,
    right_secret: rightSecret.status,
  }

  // Every kaspi_* table, every column (the row cast to text).
  const tables = await sql(c.db, `select tablename from pg_tables where schemaname = 'public' and tablename like 'kaspi%'`)
  let rowsScanned = 0
  for (const { tablename } of tables) {
    const [r] = await sql(c.db, `select count(*)::int as n, count(*) filter (where t::text like '%' || $1 || '%')::int as hits from "${tablename}" t`, [SENTINEL_TOKEN])
    rowsScanned += r.n
    if (r.hits) leaks.push(`table ${tablename}: ${r.hits} row(s)`)
  }
  const events = await sql(c.db, `select count(*)::int as n from kaspi_event`)
  const credentials = await sql(c.db, `select account_id, token_ciphertext from kaspi_account_credential where deleted_at is null`)

  // Everything every Medusa process of the run printed (migrate, seed, server, worker, each restart).
  const output = allOutput.join("")
  if (output.includes(SENTINEL_TOKEN)) leaks.push("process output")
  const redacted = (output.match(/\[redacted\]/g) ?? []).length

  report("secrets", {
    admin_routes: routes.length,
    route_methods_probed: probes,
    answered_without_session: unauthenticated,
    admin_answers_scanned: bodies.length,
    kaspi_tables_scanned: tables.length,
    kaspi_rows_scanned: rowsScanned,
    kaspi_events: events[0].n,
    output_bytes_scanned: output.length,
    redacted_mentions_in_output: redacted,
    tokens_stored_in_db: credentials.map((r) => `${r.account_id}: ${r.token_ciphertext.split(".")[0]} ciphertext, key ${r.token_ciphertext.split(".")[1]}`),
    feed: feedAnswers,
    leaks_found: leaks.length,
    leaks,
  })
  expect(credentials).toHaveLength(1)
  expect(credentials[0].token_ciphertext).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/)
  expect(routes.length).toBeGreaterThan(10)
  expect(unauthenticated).toEqual([])
  expect(leaks).toEqual([])
  expect(wrongSecret.status).toBe(404)
  expect(unknownAccount.status).toBe(404)
  expect(feedAnswers.unknown_account).toBe(feedAnswers.wrong_secret)
  expect([200, 503]).toContain(feedAnswers.right_secret)
}
