import { parseOrdersPage } from "../parse"
import { checkWaybillUrl } from "../waybill-url"

const API = "http://127.0.0.1:4010/shop/api"
const where = { method: "GET", path: "/v2/orders" }

function page(waybill: string) {
  return {
    data: [
      {
        type: "orders",
        id: "b3JkZXI=",
        attributes: {
          code: "700000001",
          totalPrice: 1000,
          state: "KASPI_DELIVERY",
          status: "ACCEPTED_BY_MERCHANT",
          creationDate: 1_764_000_000_000,
          kaspiDelivery: { waybill, waybillNumber: "W-1" },
        },
      },
    ],
    meta: { pageCount: 1, totalCount: 1 },
  }
}

describe("Kaspi waybill links", () => {
  it.each([
    "https://kaspi.kz/shop/api/waybill/abc",
    "https://mc.kaspi.kz/waybill/abc.pdf",
    "http://127.0.0.1:4010/shop/api/waybill/abc",
  ])("keeps Kaspi's own (or the configured API's) link %s", (url) => {
    expect(checkWaybillUrl(url, API)).toEqual({ ok: true, url })
  })

  it.each([
    "javascript:alert(document.cookie)",
    "JavaScript:fetch('//evil.example')",
    "data:text/html,<script>alert(1)</script>",
    "http://kaspi.kz/shop/api/waybill/abc",
    "https://kaspi.kz.evil.example/waybill",
    "https://evilkaspi.kz/waybill",
    "https://user:pw@kaspi.kz/waybill",
    "http://127.0.0.1:4011/shop/api/waybill/abc",
    "/shop/api/waybill/abc",
  ])("refuses %s", (url) => {
    expect(checkWaybillUrl(url, API).ok).toBe(false)
  })

  it("is strict for real Kaspi: without a loopback apiUrl, 127.0.0.1 is not trusted", () => {
    expect(checkWaybillUrl("http://127.0.0.1:4010/shop/api/waybill/abc", "https://kaspi.kz/shop/api").ok).toBe(false)
  })

  it("drops a forged link from the order (null, with a warning) and keeps the order", () => {
    const warnings: string[] = []
    const result = parseOrdersPage(page("javascript:alert(1)"), 0, where, { apiUrl: API, warn: (m) => warnings.push(m) })
    expect(result.invalid).toEqual([])
    expect(result.orders).toHaveLength(1)
    expect(result.orders[0].attributes.kaspiDelivery?.waybill).toBeNull()
    expect(result.orders[0].attributes.kaspiDelivery?.waybillNumber).toBe("W-1")
    expect(warnings).toEqual([expect.stringContaining("700000001: waybill link dropped")])
  })

  it("keeps a real Kaspi link on the order", () => {
    const result = parseOrdersPage(page("https://kaspi.kz/shop/api/waybill/t0k3n"), 0, where, { apiUrl: API })
    expect(result.orders[0].attributes.kaspiDelivery?.waybill).toBe("https://kaspi.kz/shop/api/waybill/t0k3n")
  })
})
