const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each runner builds its own ORM; stale metadata from another file breaks it.
MetadataStorage.clear()
