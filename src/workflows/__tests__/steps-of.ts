import { WorkflowManager } from "@medusajs/framework/orchestration"
import type { TransactionStepsDefinition } from "@medusajs/framework/orchestration"

/**
 * The step names of a registered workflow, in order. A core flow nested with
 * runAsStep shows up as "<name>-as-step"; one started with .run() inside a step
 * would not, which is what the nesting tests check.
 */
export function stepsOf(workflowId: string): string[] {
  const names: string[] = []
  const walk = (step: TransactionStepsDefinition | TransactionStepsDefinition[] | undefined) => {
    for (const s of Array.isArray(step) ? step : step ? [step] : []) {
      if (s.action) names.push(s.action)
      walk(s.next)
    }
  }
  walk(WorkflowManager.getWorkflow(workflowId)?.flow_)
  return names
}
