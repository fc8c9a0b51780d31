import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { PDFDocument } from "pdf-lib"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { almatyDate } from "../../src/lib/handover/almaty-time"
import { prepareKaspiShop } from "../helpers/kaspi-shop"
import type { AdminKaspiHandoverResponse } from "../../src/types"

jest.setTimeout(240_000)

const TOKEN = "handover-test-token"
const DAY = 24 * 3600 * 1000
const ACCOUNT = "default"
/** Long enough that a waybill appears only when the test moves the sandbox's clock past it. */
const WAYBILL_DELAY_MS = 10 * 60 * 1000
const sandbox = sandboxForSuite(TOKEN, { waybillDelayMs: WAYBILL_DELAY_MS })
const SCREENSHOT = path.resolve(__dirname, "../../docs/images/handover.png")

/** Non-white pixels of a binary PPM (P6), as pdftoppm writes it. */
function inkedPixels(ppm: Buffer): number {
  const header = ppm.subarray(0, 64).toString("latin1").split(/\s+/)
  const [width, height] = [Number(header[1]), Number(header[2])]
  const start = ppm.length - width * height * 3
  let inked = 0
  for (let i = start; i < ppm.length; i += 3) if (ppm[i] < 200 || ppm[i + 1] < 200 || ppm[i + 2] < 200) inked += 1
  return inked
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }

    const sync = async () => {
      const now = sandbox.now()
      await syncKaspiOrders(getContainer(), { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
    }
    const act = (id: string, body: Record<string, unknown>) => api.post(`/admin/kaspi/orders/${id}/actions`, body, admin)
    const print = async (body: Record<string, unknown>): Promise<{ status: number; data: AdminKaspiHandoverResponse }> =>
      api.post("/admin/kaspi/handover", body, { ...admin, validateStatus: () => true })
    const storedPdf = async (fileId: string) => getContainer().resolve(Modules.FILE).getAsBuffer(fileId)

    /** An order bought, then accepted and (for Kaspi Delivery) assembled through the plugin's action route. */
    async function acceptedOrder(input: Parameters<KaspiSandbox["addOrder"]>[0], packages?: number) {
      const o = sandbox.addOrder({ entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }], storeId: "PP1", status: "APPROVED_BY_BANK", ...input })
      await sync()
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect((await act(row.id, { action: "accept" })).data.action.status).toBe("sent")
      if (packages) expect((await act(row.id, { action: "assemble", number_of_space: packages })).data.action.status).toBe("sent")
      return { code: o.code, id: row.id }
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi } = await prepareKaspiShop(container, sandbox, ACCOUNT, [{ sku: "CASE-1", title: "Чехол", price: 3500, stock: 100 }]))
      admin = await adminHeaders(api, container)
    })

    it("prints the waybills per layout and a sheet listing every selected order, the unprintable ones with their reason", async () => {
      const kaspiDelivery = { deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true } as const
      const a = await acceptedOrder(kaspiDelivery, 2)
      const b = await acceptedOrder(kaspiDelivery, 1)
      const c = await acceptedOrder(kaspiDelivery, 3)
      sandbox.advanceClock(WAYBILL_DELAY_MS + 1000) // Kaspi issues the waybills of a, b and c
      const late = await acceptedOrder(kaspiDelivery, 1) // assembled, waybill not issued yet
      const pickup = await acceptedOrder({ deliveryMode: "DELIVERY_PICKUP" })
      await sync()
      const selected = [a, b, c, late, pickup]
      const ids = selected.map((o) => o.id)

      const expectedPages = { "a4-1": 3 + 1, "a4-4": 1 + 1, "thermal-80": 3 + 1 }
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaspi-handover-"))
      for (const [layout, pages] of Object.entries(expectedPages)) {
        const res = await print({ kaspi_order_ids: ids, layout })
        expect(res.status).toBe(200)
        const h = res.data.handover
        // The missing waybills were fetched at print time (no outbox job run here).
        expect(h.printed.map((p) => p.code).sort()).toEqual([a.code, b.code, c.code].sort())
        expect(h.printed.find((p) => p.code === a.code)).toMatchObject({ packages: 2 })
        expect(h.left_out).toEqual(
          expect.arrayContaining([
            { kaspi_order_id: late.id, code: late.code, reason: "waybill_not_issued" },
            { kaspi_order_id: pickup.id, code: pickup.code, reason: "not_kaspi_delivery" },
          ])
        )
        expect(h.printed.length + h.left_out.length).toBe(selected.length)
        expect(h).toMatchObject({ layout, pages })

        const file = path.join(tmp, `${layout}.pdf`)
        fs.writeFileSync(file, await storedPdf(h.file_id))
        expect((await PDFDocument.load(fs.readFileSync(file))).getPageCount()).toBe(pages)
        // The sheet (the last page) names every selected order, in Cyrillic where the words are Russian.
        const sheet = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), file, "-"], { encoding: "utf8" })
        for (const o of selected) expect(sheet).toContain(o.code)
        expect(sheet).toContain("Kaspi ещё не выдал накладную")
        expect(sheet).toContain("Курьер")

        execFileSync("pdftoppm", ["-r", "40", "-f", "1", "-l", "1", "-singlefile", file, path.join(tmp, layout)])
        expect(inkedPixels(fs.readFileSync(path.join(tmp, `${layout}.ppm`)))).toBeGreaterThan(100)
        if (layout === "a4-4") {
          execFileSync("pdftoppm", ["-r", "60", "-png", "-f", String(pages), "-l", String(pages), "-singlefile", file, SCREENSHOT.replace(/\.png$/, "")])
        }
      }
      fs.rmSync(tmp, { recursive: true, force: true })
    })

    it("prints the day's assembled Kaspi Delivery orders by their planned courier hand-over", async () => {
      const first = await acceptedOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true }, 1)
      sandbox.advanceClock(WAYBILL_DELAY_MS + 1000)
      await sync()
      const planned = sandbox.getOrder(first.code)?.kaspiDelivery?.courierTransmissionPlanningDate as number
      const res = await print({ date: almatyDate(planned), layout: "a4-1" })
      expect(res.status).toBe(200)
      const codes = [...res.data.handover.printed.map((p) => p.code), ...res.data.handover.left_out.map((l) => l.code)]
      expect(codes).toContain(first.code)
      expect(new Date(res.data.handover.printed.find((p) => p.code === first.code)!.courier_window_from!).getTime()).toBe(planned)

      const otherDay = await print({ date: almatyDate(planned + 3 * DAY), layout: "a4-1" })
      expect(otherDay.data.handover.printed.map((p) => p.code)).not.toContain(first.code)
      expect((await print({ date: "05.12.2026", layout: "a4-1" })).status).toBe(400)
      expect((await print({ layout: "a5" })).status).toBe(400)
    })
  },
})
