// The demo store: a plain Medusa app that installs medusa-plugin-kaspi the way
// a shop does (by package name, from node_modules; scripts/demo.js puts the
// packed tarball there). Everything comes from environment variables that
// scripts/demo.js sets; the defaults below let `npx medusa ...` work in this
// folder by hand too.
import { randomBytes } from "node:crypto"
import path from "node:path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const port = Number(process.env.PORT || 9000)
// The admin is served by this server, so its origin is the only one that calls the API.
const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`].join(",")

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL || "postgres://postgres:postgres@localhost:5432/medusa_kaspi_demo",
    http: {
      storeCors: origins,
      adminCors: origins,
      authCors: origins,
      // scripts/demo.js sets new ones every run; by hand, each process makes its own (never a known constant).
      jwtSecret: process.env.JWT_SECRET || randomBytes(32).toString("hex"),
      cookieSecret: process.env.COOKIE_SECRET || randomBytes(32).toString("hex"),
    },
  },
  admin: {
    disable: false,
    // Medusa (with the dashboard and its fonts) lives in the repository's node_modules, above this
    // store; Vite serves files only from the store's folder unless told otherwise (fonts → 403).
    vite: () => ({ server: { fs: { allow: [path.resolve(process.cwd(), "..")] } } }),
  },
  modules: [
    {
      // The admin's bell, where the plugin's notifications land (Medusa's local provider serves the "feed" channel).
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
        ],
      },
    },
  ],
  plugins: [
    {
      resolve: "medusa-plugin-kaspi",
      options: {
        // Single-shop shorthand. The token is not written here: the plugin reads
        // KASPI_API_TOKEN from the environment, as a real store should.
        merchantId: process.env.KASPI_MERCHANT_ID || "30123456",
        apiUrl: process.env.KASPI_API_URL || "http://127.0.0.1:4010/shop/api",
        orders: {
          // `medusa exec` (the seed) runs with polling off, so no order arrives before the catalog.
          polling: process.env.KASPI_POLLING !== "false",
          // A demo wants orders to show up quickly; a shop keeps the defaults (30 s / 300 s).
          pollIntervalSeconds: 10,
          archiveSyncIntervalSeconds: 30,
        },
      },
    },
  ],
})
