// The launcher: `node scripts/sandbox.js …` starts a sandbox, prints the URL, stops on SIGTERM.

import { spawn } from "node:child_process"
import { join } from "node:path"
import { main } from "../cli"
import { UA } from "./helpers"

describe("scripts/sandbox.js", () => {
  it("starts, seeds, serves and exits cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [join(__dirname, "../../scripts/sandbox.js"), "--port", "0", "--token", "cli-token", "--orders", "3", "--quiet"], {
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    child.stderr.on("data", (c: Buffer) => (out += c.toString()))
    const apiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; output: ${out}`)), 15_000)
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString()
        const m = /apiUrl \(plugin setting\): (\S+)/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(m[1])
        }
      })
    })
    try {
      expect(out).toContain("seeded 3 orders for merchant 30123456")
      expect(out).not.toContain("cli-token")
      const health = await fetch(apiUrl.replace("/shop/api", "/__sandbox/health"))
      expect((await health.json()).orders).toBe(3)
      const r = await fetch(`${apiUrl}/v2/cities`, { headers: { "X-Auth-Token": "cli-token", Accept: "application/vnd.api+json", "User-Agent": UA } })
      expect(r.status).toBe(200)
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
      child.kill("SIGTERM")
      expect(await exited).toBe(0)
    }
  })

  it("--lenient, --window-rule and --zero-quantity-lines set the modes; documented is the default", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined)
    try {
      const health = async (argv: string[]) => {
        const s = await main(["--port", "0", "--quiet", ...argv])
        try {
          const line = log.mock.calls.map((c) => String(c[0])).reverse().find((l) => l.includes("control API:")) as string
          const url = /(http:\/\/\S+\/__sandbox\/health)/.exec(line)?.[1] as string
          return (await (await fetch(url)).json()).mode
        } finally {
          await s.close()
        }
      }
      expect(await health([])).toEqual({ lenient: false, windowRule: "almaty-days-inclusive", zeroQuantityLines: "keep" })
      expect(await health(["--lenient", "--window-rule", "ms", "--zero-quantity-lines", "remove"])).toEqual({ lenient: true, windowRule: "ms", zeroQuantityLines: "remove" })
      await expect(main(["--port", "0", "--quiet", "--window-rule", "days"])).rejects.toThrow(/--window-rule/)
    } finally {
      log.mockRestore()
    }
  })
})
