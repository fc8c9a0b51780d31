import { ARCHIVE_CHANGE_STATUSES, OPEN_ORDER_STATES, planPoll, type PollPlanInput } from "../plan-poll"

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const WINDOW = 13 * DAY
const NOW = Date.UTC(2026, 11, 5, 8, 0, 0)

const options: PollPlanInput["options"] = {
  initialLookbackDays: 14,
  archiveSyncIntervalSeconds: 600,
  archiveRead: "by_status",
  archiveFullReadHours: 6,
}
const plan = (over: Partial<PollPlanInput> = {}) =>
  planPoll({ now: NOW, windowMs: WINDOW, lastOpenRound: NOW - 40_000, lastArchiveRound: NOW - 5 * MIN, lastWholeArchive: NOW - HOUR, options, ...over })

describe("planPoll: what one tick reads of Kaspi", () => {
  it("an ordinary tick reads the five open states over the window, entries only where new orders appear, and no archive", () => {
    const p = plan()
    expect(p.openReads.map((r) => r.state)).toEqual(OPEN_ORDER_STATES)
    expect(p.openReads.filter((r) => r.entries).map((r) => r.state)).toEqual(["NEW", "SIGN_REQUIRED"])
    expect(p.from).toBe(NOW - WINDOW + 1)
    expect(p).toMatchObject({ archive: "none", archiveReads: [] })
  })

  it("when the archive is due it reads only the statuses that change after an order is finished, without entries", () => {
    const p = plan({ lastArchiveRound: NOW - 10 * MIN })
    expect(p.archive).toBe("by_status")
    expect(p.archiveReads).toEqual(ARCHIVE_CHANGE_STATUSES.map((status) => ({ state: "ARCHIVE", status, entries: false })))
  })

  it("the first poll looks back initialLookbackDays and reads the whole archive with its entries", () => {
    const p = plan({ lastOpenRound: null, lastArchiveRound: null, lastWholeArchive: null })
    expect(p.from).toBe(NOW - 14 * DAY)
    expect(p.archive).toBe("all")
    expect(p.archiveReads).toEqual([{ state: "ARCHIVE", entries: true }])
  })

  it("reads the whole archive on sync now, once per archiveFullReadHours, after a pause in polling, or when asked to", () => {
    expect(plan({ force: true }).archive).toBe("all")
    expect(plan({ lastArchiveRound: NOW - 10 * MIN, lastWholeArchive: NOW - 6 * HOUR }).archive).toBe("all")
    expect(plan({ lastArchiveRound: NOW - 10 * MIN, lastWholeArchive: NOW - 6 * HOUR + MIN }).archive).toBe("by_status")
    // an instance upgraded from a version that never read the archive by status
    expect(plan({ lastArchiveRound: NOW - 10 * MIN, lastWholeArchive: null }).archive).toBe("all")
    // nobody polled for 11 minutes: orders made and finished meanwhile are only in the whole archive
    expect(plan({ lastOpenRound: NOW - 11 * MIN, lastArchiveRound: NOW - 11 * MIN }).archive).toBe("all")
    expect(plan({ lastArchiveRound: NOW - 10 * MIN, options: { ...options, archiveRead: "all" } }).archive).toBe("all")
    expect(plan({ lastArchiveRound: NOW - 10 * MIN, statusFilterIgnored: true }).archive).toBe("all")
    // a full read after the first poll needs no entries: those orders are mostly known
    expect(plan({ force: true }).archiveReads).toEqual([{ state: "ARCHIVE", entries: false }])
  })

  it("sync now without a due archive still reads it (force)", () => {
    expect(plan({ force: true, lastArchiveRound: NOW - MIN }).archive).toBe("all")
  })
})
