/**
 * Events the Kaspi module emits itself, where the outcome is recorded: a
 * failed import is recorded both by the import workflow and, when the
 * workflow threw, by the caller that ran it, and an action fails in the
 * send workflow or when its sender died; the module is where all of them meet.
 * Each carries `{ id }` of the kaspi_order (or kaspi_action) row.
 */
export const KASPI_ORDER_NEEDS_ATTENTION_EVENT = "kaspi.order.needs_attention"
export const KASPI_ACTION_FAILED_EVENT = "kaspi.action.failed"
export const KASPI_ORDER_DISAGREES_EVENT = "kaspi.order.disagrees"
