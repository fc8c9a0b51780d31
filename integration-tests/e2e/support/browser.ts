/**
 * Real Chromium from Debian's `chromium` package, driven by playwright-core.
 * Nothing is downloaded: playwright-core ships no browser, and the path is
 * the system one (CHROMIUM_PATH overrides it). .ci/run installs the package.
 */
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ARTIFACTS } from "./admin-app"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`)
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

/** A page at a desktop size, in the given admin language (the admin reads it from localStorage "lng"). */
export async function newAdminPage(browser: Browser, baseUrl: string, lng: "en" | "ru" = "en"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: baseUrl, locale: lng === "ru" ? "ru-RU" : "en-US" })
  await context.addInitScript((l) => window.localStorage.setItem("lng", l), lng)
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  return page
}

/** Logs in through the admin's own login form. */
export async function login(page: Page): Promise<void> {
  // The first request makes Vite pre-bundle the admin's dependencies (once per cache): allow it time.
  await page.goto("/app/login", { timeout: 180_000 })
  await page.locator('input[name="email"]').fill(ADMIN.email, { timeout: 180_000 })
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
}

/** Saves a screenshot as a test artifact (test-artifacts/e2e/<name>.png) and returns its path. */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean; element?: string } = {}): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  if (opts.element) await page.locator(opts.element).first().screenshot({ path: file })
  else await page.screenshot({ path: file, fullPage: opts.fullPage ?? false })
  return file
}
