import { Table } from "@medusajs/ui"
import { useKaspiT } from "../../lib/i18n"

/**
 * Medusa's table pagination in the plugin's words, shown only when there is more than one page. A count the
 * server stopped at its cap (count_capped, docs/scaling.md) reads "of more than N", and pages on past it.
 */
export function Pager({
  count,
  capped = false,
  noun,
  pageSize,
  page,
  onPage,
}: {
  count: number
  capped?: boolean
  /** What is counted ("orders" by default). */
  noun?: string
  pageSize: number
  page: number
  onPage: (page: number) => void
}) {
  const { t } = useKaspiT()
  if (count <= pageSize && !capped) return null
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page}
      pageCount={capped ? Math.max(pageCount, page + 2) : pageCount}
      canPreviousPage={page > 0}
      canNextPage={capped || page + 1 < pageCount}
      previousPage={() => onPage(Math.max(0, page - 1))}
      nextPage={() => onPage(page + 1)}
      translations={{
        of: capped ? t("orders.ofMoreThan") : t("orders.of"),
        results: noun ?? t("orders.results"),
        pages: t("orders.pages"),
        prev: t("orders.prev"),
        next: t("orders.next"),
      }}
    />
  )
}
