// Bench-only Medusa app (`npm run bench -- kaspi-load`): one instance running the HTTP server and
// the scheduled jobs, as a small production shop does. The plugin's options are its defaults on
// purpose — the bench measures what a shop sends Kaspi without tuning — except what the bench
// passes in KASPI_BENCH_ORDER_OPTIONS (its `--option key=value`, and its own preparation step).
import path from "node:path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const PLUGIN_ROOT = process.env.KASPI_PLUGIN_ROOT || path.resolve(__dirname, "../../..")
const benchOrderOptions = JSON.parse(process.env.KASPI_BENCH_ORDER_OPTIONS || "{}")

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: process.env.JWT_SECRET || "kaspi-load-bench-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "kaspi-load-bench-cookie-secret",
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: path.join(PLUGIN_ROOT, "src/modules/kaspi"),
      options: {
        merchantId: process.env.KASPI_MERCHANT_ID,
        apiUrl: process.env.KASPI_API_URL,
        ...(Object.keys(benchOrderOptions).length ? { orders: benchOrderOptions } : {}),
      },
    },
  ],
})
