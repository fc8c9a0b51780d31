import { clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"

/** A link to the Medusa order a Kaspi order became; `fallback` (the bare children by default) until there is one. */
export function OrderLink({ orderId, className, fallback, children }: { orderId?: string | null; className?: string; fallback?: ReactNode; children: ReactNode }) {
  if (!orderId) return <>{fallback ?? children}</>
  return (
    <Link to={`/orders/${orderId}`} className={clx("text-ui-fg-interactive hover:text-ui-fg-interactive-hover", className)}>
      {children}
    </Link>
  )
}
