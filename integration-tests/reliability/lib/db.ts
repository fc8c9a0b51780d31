import { Client } from "pg"

/** postgres:// URL of a database on the test server (DB_* env, like every other test). */
export function dbUrl(database: string): string {
  const e = process.env
  const auth = e.DB_PASSWORD ? `${e.DB_USERNAME || "postgres"}:${e.DB_PASSWORD}` : e.DB_USERNAME || "postgres"
  return `postgres://${auth}@${e.DB_HOST || "localhost"}:${e.DB_PORT || 5432}/${database}`
}

/** One short-lived connection per call: the suite's reads are few and must not hold Medusa's pools. */
export async function sql<T = any>(database: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: dbUrl(database) })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

/** A fresh database; from a template (a copy of the migrated, seeded one) when given. */
export async function createDatabase(name: string, template?: string): Promise<void> {
  await sql("postgres", `drop database if exists "${name}" with (force)`)
  await sql("postgres", `create database "${name}"${template ? ` template "${template}"` : ""}`)
}

export async function dropDatabase(name: string): Promise<void> {
  await sql("postgres", `drop database if exists "${name}" with (force)`)
}
