// A minimal store that installs medusa-plugin-kaspi the way a shop does: by
// package name from node_modules (the test npm-installs the packed tarball),
// with options. The host-app test (host-app.spec.ts) runs the medusa CLI here.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: "host-test-jwt-secret",
      cookieSecret: "host-test-cookie-secret",
    },
  },
  admin: { disable: false },
  plugins: [
    {
      resolve: "medusa-plugin-kaspi",
      options: {
        merchantId: process.env.KASPI_MERCHANT_ID,
        apiUrl: process.env.KASPI_API_URL,
        // The token comes from KASPI_API_TOKEN, the plugin's documented default.
        minRequestIntervalMs: 0,
        orders: { polling: true, pollIntervalSeconds: 10 },
      },
    },
  ],
})
