import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * GET /host-probe (test-only, this host app's own route): the files the running
 * server has loaded from the plugin package or from outside any node_modules,
 * so the host test can check that the plugin's code comes only from
 * node_modules/medusa-plugin-kaspi (the installed tarball), never from the
 * repository's src/ or .medusa/.
 */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  const loaded = Object.keys(require.cache).filter((f) => f.includes("medusa-plugin-kaspi") || !/[\\/]node_modules[\\/]/.test(f))
  res.json({ loaded, package_json: require.resolve("medusa-plugin-kaspi/package.json") })
}
