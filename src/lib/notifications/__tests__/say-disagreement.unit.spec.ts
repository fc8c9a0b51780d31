import { sayDisagreement } from "../say-disagreement"
import { disagreementAfterFollowUp, disagreementAfterRefusal } from "../../actions/disagreement"

describe("a disagreement said in the notification's language", () => {
  const refused = disagreementAfterRefusal({ id: "kact_1", action: "cancel", origin: "order.canceled" }, "bad_request", "Order is assembled")

  it("words the kind with the action as the buttons name it, then Kaspi's own words", () => {
    expect(sayDisagreement("en", refused)).toBe("Cancel was done in Medusa, but Kaspi refused it. Kaspi said: «Order is assembled»")
    expect(sayDisagreement("ru", refused)).toBe("Действие «Отменить» выполнено в Medusa, но Kaspi его отклонил. Ответ Kaspi: «Order is assembled»")
  })

  it("says Medusa's words when Medusa could not follow, and no error kind when Kaspi was unreachable", () => {
    const follow = disagreementAfterFollowUp({ id: "kact_2", action: "complete" }, "order already completed")
    expect(sayDisagreement("ru", follow)).toBe("Kaspi принял действие «Выдать», но заказ Medusa не удалось обновить. Ответ Medusa: «order already completed»")
    const unreachable = disagreementAfterRefusal({ id: "kact_3", action: "accept", origin: "order.canceled" }, "network", "network")
    expect(sayDisagreement("en", unreachable)).toBe("Accept was done in Medusa, but Kaspi could not be reached after every attempt. It is sent again once Kaspi answers.")
  })

  it("has no English left in Russian, and leaves a kind it does not know to the stored reason", () => {
    for (const d of [refused, { kind: "mismatch" as const }, { kind: "kaspi_refused" as const }]) {
      const ru = sayDisagreement("ru", d)!.replace(/«[^»]*»/g, "")
      expect(ru).not.toMatch(/\b(was|done|refused|Kaspi refused|change)\b/)
    }
    expect(sayDisagreement("ru", { kind: "kaspi_refused" })).toBe("Действие «изменение» выполнено в Medusa, но Kaspi его отклонил.")
    expect(sayDisagreement("en", { kind: "something_new" as never })).toBeNull()
  })
})
