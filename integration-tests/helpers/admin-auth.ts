import type { MedusaContainer } from "@medusajs/framework/types"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"

/**
 * Creates an admin user through Medusa's own auth routes and returns the
 * headers of a logged-in admin. The runner restores the database before each
 * test, so call it in beforeEach.
 */
export async function adminHeaders(
  api: AxiosInstance,
  container: MedusaContainer,
  email = "admin@kaspi-plugin.test",
  password = "supersecret"
): Promise<{ headers: { authorization: string } }> {
  const registered = await api.post("/auth/user/emailpass/register", { email, password })
  const payload = JSON.parse(Buffer.from(registered.data.token.split(".")[1], "base64url").toString("utf8"))
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: payload.auth_identity_id, userData: { email } },
  })
  const login = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${login.data.token}` } }
}
