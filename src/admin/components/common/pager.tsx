import { Table } from "@medusajs/ui"
import { useKaspiT } from "../../lib/i18n"

/** Medusa's table pagination in the plugin's words, shown only when there is more than one page. */
export function Pager({ count, pageSize, page, onPage }: { count: number; pageSize: number; page: number; onPage: (page: number) => void }) {
  const { t } = useKaspiT()
  if (count <= pageSize) return null
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page}
      pageCount={pageCount}
      canPreviousPage={page > 0}
      canNextPage={page + 1 < pageCount}
      previousPage={() => onPage(Math.max(0, page - 1))}
      nextPage={() => onPage(page + 1)}
      translations={{ of: t("orders.of"), results: t("orders.results"), pages: t("orders.pages"), prev: t("orders.prev"), next: t("orders.next") }}
    />
  )
}
