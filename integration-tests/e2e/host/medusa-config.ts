// The store the browser tests drive: installs medusa-plugin-kaspi by package
// name from node_modules (the packed tarball) with the admin enabled, so the
// plugin's admin extensions are served exactly as a shop would get them.
import path from "node:path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const port = Number(process.env.PORT || 9000)
const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`].join(",")

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: origins,
      adminCors: origins,
      authCors: origins,
      jwtSecret: "e2e-jwt-secret",
      cookieSecret: "e2e-cookie-secret",
    },
  },
  admin: {
    disable: false,
    // Medusa (with the dashboard and its fonts) is installed in the repository's
    // node_modules, above this store; a shop has it inside its own folder. Vite
    // serves files only from the store's root unless told otherwise (fonts → 403).
    vite: () => ({ server: { fs: { allow: [path.resolve(process.cwd(), "..", "..", "..")] } } }),
  },
  plugins: [
    {
      resolve: "medusa-plugin-kaspi",
      options: {
        merchantId: process.env.KASPI_MERCHANT_ID,
        apiUrl: process.env.KASPI_API_URL,
        // Token from KASPI_API_TOKEN (the plugin's default). The tests import
        // on demand ("sync now"), so no poll can race a test's own steps.
        minRequestIntervalMs: 0,
        orders: { polling: false },
      },
    },
  ],
})
