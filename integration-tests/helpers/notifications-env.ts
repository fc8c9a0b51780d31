/**
 * For a suite that reads what reaches the admin's bell: medusa-config.ts reads
 * these when the app boots (after this hook), so the notifications speak
 * English and no scheduled feed build adds its own.
 */
export function englishNotificationsWithoutFeedScheduler(): void {
  beforeAll(() => {
    process.env.KASPI_NOTIFICATIONS_LANGUAGE = "en"
    process.env.KASPI_FEED_SCHEDULER = "off"
  })
  afterAll(() => {
    delete process.env.KASPI_NOTIFICATIONS_LANGUAGE
    delete process.env.KASPI_FEED_SCHEDULER
  })
}
