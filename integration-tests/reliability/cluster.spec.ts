/**
 * The reliability suite's cluster: a server and a worker (`medusa start`, real
 * processes) on one PostgreSQL database and the local Redis, with the Kaspi
 * sandbox over HTTP. One cluster serves the scenarios in order (booting one
 * costs ~30 s, so they share it): several instances, Kaspi faults, crashes,
 * then the secrets scan over everything the run produced.
 *
 * RELIABILITY_LONG=1 runs the full sizes (1,000 orders, 10 kills).
 */
import { startCluster, type Cluster } from "./lib/cluster"
import { report } from "./lib/figures"
import { SIZES } from "./lib/settings"
import { severalInstances } from "./scenarios/instances"
import { crashes } from "./scenarios/crashes"
import { kaspiFaults } from "./scenarios/faults"
import { secretsAndAccess } from "./scenarios/secrets"

jest.setTimeout(30 * 60_000)

/** RELIABILITY_ONLY=crashes (instances, faults, crashes, secrets) runs one scenario, for a quick local loop. */
const scenario = (name: string) => (!process.env.RELIABILITY_ONLY || process.env.RELIABILITY_ONLY.split(",").includes(name) ? it : it.skip)

describe("Kaspi plugin on several Medusa instances", () => {
  let cluster: Cluster
  const t0 = Date.now()

  beforeAll(async () => {
    cluster = await startCluster({ serverMode: (process.env.RELIABILITY_SERVER_MODE as "shared" | "server") ?? "shared" })
    report("cluster", cluster.timings)
  })

  afterAll(async () => {
    await cluster?.close()
    report("total", { seconds: Math.round((Date.now() - t0) / 1000) })
  })

  scenario("instances")("imports N orders exactly once and sends every action once, one poll / outbox pass / feed build per tick", async () => {
    await severalInstances(cluster, SIZES.instanceOrders)
  })

  scenario("faults")("imports and delivers everything while Kaspi fails 20% of requests", async () => {
    await kaspiFaults(cluster, SIZES.faultOrders)
  })

  scenario("crashes")("survives the worker being SIGKILLed during imports and deliveries: every order once and whole, every action once", async () => {
    // Only the worker runs jobs now, so each kill lands on the instance doing the work.
    await cluster.server.stop()
    cluster.server.setEnv({ MEDUSA_WORKER_MODE: "server" })
    await cluster.server.start()
    await crashes(cluster, SIZES.crashOrders, SIZES.crashKills)
  })

  scenario("secrets")("never shows the Kaspi token anywhere; every admin route needs a session; the feed does not reveal accounts", async () => {
    await secretsAndAccess(cluster)
  })
})
