// Test-only Medusa app config: the in-repo HTTP tests boot this app, which loads
// the plugin's module, routes, workflows, subscribers, jobs and links from source.
// It is excluded from the build (tsconfig) and never shipped.
import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: process.env.JWT_SECRET || "test-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "test-cookie-secret",
    },
  },
  modules: [
    {
      resolve: "./src/modules/kaspi",
      options: {
        merchantId: process.env.KASPI_MERCHANT_ID || "30123456",
        token: process.env.KASPI_API_TOKEN || undefined,
        apiUrl: process.env.KASPI_API_URL || "http://127.0.0.1:4010/shop/api",
        minRequestIntervalMs: 0,
        retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
        timeouts: { ordersMs: 5_000, productsMs: 5_000, waybillMs: 5_000 },
        // Tests run the jobs themselves; timers must not fire in the middle of a test.
        orders: { polling: process.env.KASPI_POLLING === "true" },
        actions: { retryInBackground: process.env.KASPI_POLLING === "true" },
        retention: { enabled: process.env.KASPI_POLLING === "true" },
        cards: { followInBackground: process.env.KASPI_POLLING === "true" },
        // The notification tests read them in English; every other test gets the default (Russian).
        notifications: { language: process.env.KASPI_NOTIFICATIONS_LANGUAGE === "en" ? "en" : "ru" },
      },
    },
    {
      // The admin's bell: Medusa's local provider serves the "feed" channel the plugin notifies on.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
        ],
      },
    },
  ],
})
