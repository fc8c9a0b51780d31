import { useState } from "react"

/** A filtered list's filters and page: a change of filter goes back to the first page. */
export function usePagedFilters<F>(empty: F) {
  const [filters, setFiltersOnly] = useState<F>(empty)
  const [page, setPage] = useState(0)
  const setFilters = (next: F) => {
    setFiltersOnly(next)
    setPage(0)
  }
  return { filters, setFilters, page, setPage }
}
