import { model } from "@medusajs/framework/utils"

/**
 * The bytes of a build: the gzipped XML ("xml_gz") and the gzipped manifest
 * used for the next diff ("manifest_gz"), cut in chunks of ≤1 MiB and stored
 * base64 (DML has no binary column). Kept in PostgreSQL so that every Medusa
 * instance serves the same feed; only the live build keeps its chunks.
 */
export const KaspiFeedArtifact = model
  .define("kaspi_feed_artifact", {
    id: model.id({ prefix: "kfart" }).primaryKey(),
    build_id: model.text(),
    kind: model.enum(["xml_gz", "manifest_gz"]),
    seq: model.number(),
    data: model.text(),
  })
  .indexes([{ on: ["build_id", "kind", "seq"], unique: true }])
