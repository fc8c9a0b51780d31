import { KaspiApiError } from "../errors"

/** The KaspiApiError a call fails with; fails the test when the call succeeds or throws something else. */
export async function failure(p: Promise<unknown>): Promise<KaspiApiError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(KaspiApiError)
    return e as KaspiApiError
  }
  throw new Error("expected the call to fail")
}
