import fs from "node:fs"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxForApp } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"

jest.setTimeout(120_000)

/**
 * The admin API as the README promises it, and the admin API's own guards:
 * every route the README names exists with the methods it gives; POSTs are
 * JSON only (a cross-site form gets 415 and reaches nothing); the token field
 * is checked before Kaspi is asked; the order routes take every id the README
 * says.
 */
const TOKEN = "routes-spec-token"
let sandbox: KaspiSandbox

beforeAll(async () => {
  sandbox = await startSandboxForApp(TOKEN)
  // Lets the token route reach Kaspi (to check a token), so the validator is what stops a bad one.
  process.env.KASPI_TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64")
})

afterAll(async () => {
  await sandbox?.close()
})

type Method = "GET" | "POST" | "DELETE"

/**
 * Every `METHOD /admin/kaspi/…` the README mentions, and the rows of its
 * "Admin API" table (paths there are relative to /admin/kaspi), as
 * [method, path] with parameters filled in and query strings dropped.
 */
export function readmeRoutes(readme: string): Array<[Method, string]> {
  const found = new Map<string, [Method, string]>()
  const add = (methods: string, raw: string) => {
    const route = raw.replace(/[?#].*$/, "").replace(/[`,.;:)]+$/, "")
    if (route.includes("…")) return // "GET …/preview": shorthand for a route named in full elsewhere
    const filled = route
      .replace(/\/accounts\/:id/g, "/accounts/default")
      .replace(/\/feed\/:account(Id)?/g, "/feed/default")
      .replace(/:[a-z_]+/gi, "probe_id")
    for (const m of methods.split("/")) found.set(`${m} ${filled}`, [m as Method, filled])
  }
  for (const m of readme.matchAll(/\b((?:GET|POST|DELETE)(?:\/(?:GET|POST|DELETE))*) (\/admin\/kaspi\/[^\s`|]*)/g)) add(m[1], m[2])
  const table = readme.slice(readme.indexOf("### Admin API"), readme.indexOf("## How it works"))
  for (const m of table.matchAll(/`((?:GET|POST|DELETE)(?:\/(?:GET|POST|DELETE))*) (\/[^`\s]*)/g)) add(m[1], `/admin/kaspi${m[2]}`)
  return [...found.values()]
}

const README_ROUTES = readmeRoutes(fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8"))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: { authorization: string } }
    const noThrow = { validateStatus: () => true }

    beforeEach(async () => {
      sandbox.reset()
      sandbox.setFaults({ rate: 0, kinds: [] })
      admin = await adminHeaders(api, getContainer())
    })

    describe("the routes the README lists", () => {
      it("are read from the README (the table and the text)", () => {
        expect(README_ROUTES.length).toBeGreaterThan(25)
        expect(README_ROUTES).toEqual(
          expect.arrayContaining([
            ["GET", "/admin/kaspi/accounts"],
            ["DELETE", "/admin/kaspi/accounts/default/token"],
            ["POST", "/admin/kaspi/orders/probe_id/retry"],
            ["GET", "/admin/kaspi/feed/default/config"],
          ])
        )
      })

      // Medusa answers 401 to any /admin path without a session, existing or not, so existence is told
      // apart with a session: a route that is not there gets express's "Cannot <METHOD> <path>" page, while
      // a route that is there answers from its handler or validator (200, 400, or its own JSON 404 for a
      // made-up id).
      const routeMissing = (res: { status: number; data: unknown }) =>
        res.status === 404 && typeof res.data === "string" && /Cannot (GET|POST|DELETE)/.test(res.data)

      it("the probe tells a missing route from an existing one", async () => {
        expect(routeMissing(await api.get("/admin/kaspi/no-such-route", { ...admin, ...noThrow }))).toBe(true)
        expect(routeMissing(await api.delete("/admin/kaspi/overview", { ...admin, ...noThrow }))).toBe(true)
        expect(routeMissing(await api.get("/admin/kaspi/orders/probe_id", { ...admin, ...noThrow }))).toBe(false)
      })

      it("each exists with the README's method (probed with a session), and needs a session (401 without)", async () => {
        const missing: string[] = []
        const open: string[] = []
        for (const [method, route] of README_ROUTES) {
          const data = method === "POST" ? {} : undefined
          const res = await api.request({ method, url: route, data, ...admin, ...noThrow })
          if (routeMissing(res)) missing.push(`${method} ${route}`)
          const anonymous = await api.request({ method, url: route, data, ...noThrow })
          if (anonymous.status !== 401) open.push(`${method} ${route} → ${anonymous.status}`)
        }
        expect(missing).toEqual([])
        expect(open).toEqual([])
      })
    })

    describe("admin POSTs are JSON only", () => {
      it("refuses a form-encoded, multipart or text body with 415, before anything is done", async () => {
        const [order] = sandbox.seedOrders({ count: 1, seed: 3, skus: [{ sku: "ROUTES-1", price: 1000 }] })
        await api.post("/admin/kaspi/orders/sync", {}, admin)
        for (const contentType of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) {
          const body = contentType.startsWith("multipart")
            ? '--x\r\nContent-Disposition: form-data; name="action"\r\n\r\ncancel\r\n--x--\r\n'
            : "action=cancel&reason=MERCHANT_OUT_OF_STOCK"
          const res = await api.post(`/admin/kaspi/orders/${order.code}/actions`, body, {
            ...noThrow,
            headers: { ...admin.headers, "content-type": contentType },
          })
          expect([contentType, res.status]).toEqual([contentType, 415])
        }
        const actions = await api.get(`/admin/kaspi/orders/${order.code}/actions`, admin)
        expect(actions.data.actions ?? actions.data.kaspi_actions ?? []).toEqual([])
        expect(sandbox.requests().filter((r) => r.method === "POST")).toEqual([])
      })

      it("still takes JSON, with or without a charset", async () => {
        const res = await api.post("/admin/kaspi/orders/sync", "{}", {
          ...noThrow,
          headers: { ...admin.headers, "content-type": "application/json; charset=utf-8" },
        })
        expect(res.status).toBe(200)
      })
    })

    describe("the token field", () => {
      it("is 8–512 characters without whitespace, checked before anything is sent to Kaspi", async () => {
        for (const token of ["short", "two words-token", "line\nbreak-token", "x".repeat(513)]) {
          const res = await api.post("/admin/kaspi/accounts/default/token", { token }, { ...admin, ...noThrow })
          expect([JSON.stringify(token).slice(0, 20), res.status]).toEqual([JSON.stringify(token).slice(0, 20), 400])
        }
        expect(sandbox.requests()).toEqual([])
      })
    })

    describe("POST /admin/kaspi/orders/:id/retry", () => {
      it("takes the Kaspi code and the Medusa order id like the other order routes, not only the kord_ id", async () => {
        const [order] = sandbox.seedOrders({ count: 1, seed: 11, skus: [{ sku: "ROUTES-UNKNOWN", price: 1000 }] })
        await api.post("/admin/kaspi/orders/sync", {}, admin)
        const byCode = await api.post(`/admin/kaspi/orders/${order.code}/retry`, {}, { ...admin, ...noThrow })
        expect(byCode.status).toBe(200)
        expect(byCode.data.kaspi_order).toMatchObject({ code: order.code })
        const byKord = await api.post(`/admin/kaspi/orders/${byCode.data.kaspi_order.id}/retry`, {}, { ...admin, ...noThrow })
        expect(byKord.status).toBe(200)
        // A Medusa order id is found too (an imported order then answers that it is imported, not "no such order").
        const byOrderId = await api.post("/admin/kaspi/orders/order_01NOSUCHORDER/retry", {}, { ...admin, ...noThrow })
        expect(byOrderId.status).toBe(404)
        expect(byOrderId.data.message).toContain('No Kaspi order "order_01NOSUCHORDER"')
      })
    })
  },
})
