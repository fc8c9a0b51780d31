import Redis from "ioredis"
import { RUN_ID } from "./settings"

const MARKER = "kaspi-reliability:owner"

/**
 * A Redis database of the local server (127.0.0.1:6379) for this run alone:
 * the first of 11…15 (or RELIABILITY_REDIS_DB) that is empty, claimed with a
 * marker key (SET NX, expiring after an hour in case the run is killed), so two
 * runs at once (a developer and CI) never flush each other's queues.
 */
export async function claimRedisDb(): Promise<{ url: string; release: () => Promise<void> }> {
  const candidates = process.env.RELIABILITY_REDIS_DB ? [Number(process.env.RELIABILITY_REDIS_DB)] : [11, 12, 13, 14, 15]
  for (const db of candidates) {
    const url = `redis://127.0.0.1:6379/${db}`
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await redis.connect()
    try {
      const claimed = await redis.set(MARKER, RUN_ID, "EX", 3600, "NX")
      if (claimed === "OK" && (await redis.dbsize()) === 1) {
        return {
          url,
          release: async () => {
            const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
            await r.connect()
            if ((await r.get(MARKER)) === RUN_ID) await r.flushdb()
            await r.quit()
          },
        }
      }
      // Someone else's (or a leftover): leave it alone.
      if (claimed === "OK") await redis.del(MARKER)
    } finally {
      await redis.quit()
    }
  }
  throw new Error(
    `no free Redis database among ${candidates.join(", ")} on 127.0.0.1:6379: each holds another run's data ` +
      `(or a killed run's: empty one with \`redis-cli -n <db> flushdb\`, or pick one with RELIABILITY_REDIS_DB)`
  )
}
