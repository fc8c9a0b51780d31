import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A number under its caption, for rows of figures such as a feed build's counts. */
export function Stat({ label, value, size = "small", testId }: { label: ReactNode; value: ReactNode; size?: "small" | "large"; testId?: string }) {
  return (
    <div className="flex flex-col" data-testid={testId}>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size={size} weight="plus">
        {value}
      </Text>
    </div>
  )
}
