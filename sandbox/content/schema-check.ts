// The whole-file check of `POST /products/import`: Kaspi's own import JSON Schema (payload 13,
// served by `GET /products/import/schema`, draft-04; API.md a.14), run by a real validator.
// A file that fails it is not imported at all: the import ends ABORTED with a description.

import Ajv from "ajv-draft-04"
import IMPORT_SCHEMA from "./import-schema.json"

export { IMPORT_SCHEMA }

const ajv = new Ajv({ allErrors: true })
// Annotations Kaspi's schema carries that draft-04 does not define.
ajv.addVocabulary(["example"])
// draft-04 names "uri"; Ajv ships no formats of its own. The schema's pattern already asks for http(s).
ajv.addFormat("uri", { type: "string", validate: (s: string) => URL.canParse(s) })

const validate = ajv.compile(IMPORT_SCHEMA)

/** How many schema problems the ABORTED description names. */
const NAMED_PROBLEMS = 5

/** null when the file passes the schema; otherwise the first problems, as "<path>: <message>". */
export function importSchemaProblem(file: unknown): string | null {
  if (validate(file)) return null
  const problems = (validate.errors ?? []).slice(0, NAMED_PROBLEMS).map((e) => `${e.instancePath || "(file)"}: ${e.message ?? e.keyword}`)
  const more = (validate.errors?.length ?? 0) - problems.length
  return `The file does not match the import schema: ${problems.join("; ")}${more > 0 ? ` (and ${more} more)` : ""}`
}
