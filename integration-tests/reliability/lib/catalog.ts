/**
 * The catalog both sides agree on: the seed script creates these variants in
 * Medusa (with plenty of stock), the sandbox sells them on "Kaspi". Pure data,
 * imported by the jest process and by the `medusa exec` seed alike.
 */
export const RELIABILITY_SKUS = Array.from({ length: 20 }, (_, i) => ({
  sku: `REL-${String(i + 1).padStart(3, "0")}`,
  name: `Товар надёжности ${i + 1}`,
  price: 1000 + 250 * i,
}))

export const ADMIN_EMAIL = "reliability-admin@kaspi-plugin.test"
export const ADMIN_PASSWORD = "reliability-admin-password"
export const ACCOUNT_ID = "default"
