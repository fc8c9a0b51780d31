import { cappedCount, kaspiOrderListWhere, toKaspiOrderFilters } from "../capped-count"

describe("capped counts for the admin's lists", () => {
  it("stops at the cap and says so", () => {
    expect(cappedCount(10, 100)).toEqual({ count: 10, capped: false })
    expect(cappedCount(100, 100)).toEqual({ count: 100, capped: false })
    expect(cappedCount(101, 100)).toEqual({ count: 100, capped: true })
  })

  it("writes every list filter as bound SQL, and the same filter for the module's list", () => {
    const filter = {
      account_id: "default",
      import_status: "imported",
      status: ["COMPLETED", "CANCELLED"],
      state: ["ARCHIVE"],
      sync_problem: true,
      disagrees: false,
      code_contains: "12%_3",
      created_from: new Date("2026-01-01T00:00:00Z"),
      created_to: new Date("2026-02-01T00:00:00Z"),
    }
    const where = kaspiOrderListWhere(filter)
    expect(where.sql).toBe(
      "deleted_at is null and account_id = ? and import_status = ? and status in (?, ?) and state in (?) and sync_problem is not null" +
        " and disagreement is null and code ilike ? and kaspi_created_at >= ? and kaspi_created_at <= ?"
    )
    expect(where.params).toEqual(["default", "imported", "COMPLETED", "CANCELLED", "ARCHIVE", "%12\\%\\_3%", filter.created_from, filter.created_to])
    // nothing the user typed reaches the SQL text
    expect(where.sql).not.toContain("12")
    expect(toKaspiOrderFilters(filter)).toEqual({
      account_id: "default",
      import_status: "imported",
      status: ["COMPLETED", "CANCELLED"],
      state: ["ARCHIVE"],
      sync_problem: { $ne: null },
      disagreement: null,
      // LIKE's wildcards the user typed are escaped: they search for themselves.
      code: { $ilike: "%12\\%\\_3%" },
      kaspi_created_at: { $gte: filter.created_from, $lte: filter.created_to },
    })
  })

  it("a whole code is an equality, which the code index serves", () => {
    expect(kaspiOrderListWhere({ account_id: "default", code: "123456789" })).toEqual({
      sql: "deleted_at is null and account_id = ? and code = ?",
      params: ["default", "123456789"],
    })
    expect(toKaspiOrderFilters({ code: "123456789" })).toEqual({ code: "123456789" })
  })

  it("an empty filter is every live row", () => {
    expect(kaspiOrderListWhere({})).toEqual({ sql: "deleted_at is null", params: [] })
    expect(toKaspiOrderFilters({})).toEqual({})
  })
})
