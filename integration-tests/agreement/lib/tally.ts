/** What the agreement run did, summed over its histories (printed as one JSON line at the end). */
export interface AgreementTally {
  histories: number
  steps: number
  /** merchant actions asked for, by kind (the route's or the workflow's answer in `answers`) */
  actions: Record<string, number>
  /** how the plugin answered them: sent, pending, failed (Kaspi refused), refused (Kaspi's rules, nothing sent), … */
  answers: Record<string, number>
  /** Kaspi-side events that happened, by kind */
  kaspi_events: Record<string, number>
  /** Kaspi-side events the order's state did not allow (nothing happened) */
  kaspi_events_impossible: number
  /** Kaspi requests answered with a fault, by kind */
  faults: Record<string, number>
  /** merchant actions cut short by a "restart", by where */
  restarts: Record<string, number>
  /** requests the plugin sent Kaspi, and action calls Kaspi took */
  kaspi_requests: number
  kaspi_actions_taken: number
  /** orders that disagreed after the outbox and the sync drained, and reconciliation then repaired */
  repairs: number
  /** "disagrees" flags left standing, each with the Kaspi refusal it traces to */
  flags: Array<{ code: string; refused_by: "kaspi" | "rules"; action?: string; said?: string }>
  /** orders that disagree after the drain without a flag traced to a refusal: must be 0 */
  disagreements: number
}

export function emptyTally(): AgreementTally {
  return {
    histories: 0,
    steps: 0,
    actions: {},
    answers: {},
    kaspi_events: {},
    kaspi_events_impossible: 0,
    faults: {},
    restarts: {},
    kaspi_requests: 0,
    kaspi_actions_taken: 0,
    repairs: 0,
    flags: [],
    disagreements: 0,
  }
}

export const bump = (m: Record<string, number>, k: string, n = 1) => {
  m[k] = (m[k] ?? 0) + n
}
