import { Table } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A column's header: its words (none for a column of buttons or ticks) and, say, "text-right" for figures. */
export type Column = string | { label?: string; className?: string }

/**
 * A Medusa table of rows: the header from `columns`, a row per item from `row`
 * (which keys it). Nothing at all when there are no rows, so that the list's
 * own empty state stands alone.
 */
export function DataTable<T>({ columns, rows, row, testId }: { columns: Column[]; rows: readonly T[]; row: (item: T) => ReactNode; testId?: string }) {
  if (!rows.length) return null
  return (
    <Table data-testid={testId}>
      <Table.Header>
        <Table.Row>
          {columns.map((c, i) => {
            const { label, className } = typeof c === "string" ? { label: c, className: undefined } : c
            return (
              <Table.HeaderCell key={i} className={className}>
                {label}
              </Table.HeaderCell>
            )
          })}
        </Table.Row>
      </Table.Header>
      <Table.Body>{rows.map(row)}</Table.Body>
    </Table>
  )
}
