// Environment every test, migration and bench command needs. Values already set win.
const defaults = {
  DB_HOST: "localhost", // not 127.0.0.1: test-utils turns SSL on for any other host name
  DB_PORT: "5432",
  DB_USERNAME: "postgres",
  DB_PASSWORD: "postgres",
  MEDUSA_DISABLE_TELEMETRY: "true",
  LOG_LEVEL: "error",
  NODE_ENV: "test",
}

function testEnv(base = process.env) {
  const env = { ...base }
  for (const [k, v] of Object.entries(defaults)) {
    if (!env[k]) env[k] = v
  }
  const nodeOptions = env.NODE_OPTIONS || ""
  if (!nodeOptions.includes("--experimental-vm-modules")) {
    env.NODE_OPTIONS = `${nodeOptions} --experimental-vm-modules`.trim()
  }
  return env
}

module.exports = { testEnv }
