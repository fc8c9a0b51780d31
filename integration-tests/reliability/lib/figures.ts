/** Figures of the run, printed by each test and gathered for the closing table. */
const all: Array<{ scenario: string; figures: Record<string, unknown> }> = []

export function report(scenario: string, figures: Record<string, unknown>): void {
  all.push({ scenario, figures })
  // console.log goes through jest's reporter; the line is greppable: "RELIABILITY <scenario> {json}"
  console.log(`RELIABILITY ${scenario} ${JSON.stringify(figures)}`)
}

export function allFigures() {
  return all
}
