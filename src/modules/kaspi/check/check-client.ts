import type { KaspiClientOptions } from "../client/kaspi-client"
import type { KaspiRequestEvent } from "../client/transport"

/** One request the check made, with when its answer (or failure) arrived. */
export interface CheckRequest extends KaspiRequestEvent {
  at: number
}

/**
 * Records the check client's requests (through the transport's onRequest
 * hook): their times, statuses and Kaspi's Date header feed the latency and
 * clock probes. Probes run one after another, so the requests since a mark
 * belong to the probe that set it.
 */
export class CheckRequestLog {
  private readonly entries: CheckRequest[] = []

  readonly record = (e: KaspiRequestEvent): void => {
    this.entries.push({ ...e, at: Date.now() })
  }

  mark(): number {
    return this.entries.length
  }

  since(mark: number): CheckRequest[] {
    return this.entries.slice(mark)
  }
}

/**
 * What a check client changes in a shop's normal client options: one attempt
 * per request (a retry would hide what Kaspi did, and the check promises one
 * request per probe), a short timeout so a hang does not take minutes, one
 * request at a time, and every request recorded.
 */
export function checkClientOverrides(
  timeoutMs: number,
  log: CheckRequestLog
): Pick<KaspiClientOptions, "retry" | "timeouts" | "maxConcurrentRequests" | "onRequest"> {
  return {
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    timeouts: { ordersMs: timeoutMs, productsMs: timeoutMs, waybillMs: timeoutMs },
    maxConcurrentRequests: 1,
    onRequest: log.record,
  }
}
