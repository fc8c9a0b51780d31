import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206030000 extends Migration {

  // Kaspi product cards (issue #18): the card ledger (one row per shop and SKU; its unique index makes a send
  // idempotent), the imports sent (followed to FINISHED/ABORTED, API.md a.14), the merchant's attribute mapping
  // per category, and the cached classification.
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "kaspi_card" ("id" text not null, "account_id" text not null, "product_id" text not null, "variant_id" text not null, "sku" text not null, "category" text not null, "card" jsonb not null, "card_hash" text not null, "import_id" text null, "state" text check ("state" in ('sending', 'uploaded', 'finished', 'warning', 'error', 'skipped', 'aborted', 'send_failed')) not null default 'sending', "messages" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_card_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_card_deleted_at" ON "kaspi_card" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_card_account_id_sku_unique" ON "kaspi_card" ("account_id", "sku") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_card_product_id" ON "kaspi_card" ("product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_card_category_mapping" ("id" text not null, "account_id" text not null, "category" text not null, "sources" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_card_category_mapping_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_card_category_mapping_deleted_at" ON "kaspi_card_category_mapping" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_card_category_mapping_account_id_category_unique" ON "kaspi_card_category_mapping" ("account_id", "category") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_card_import" ("id" text not null, "account_id" text not null, "import_code" text null, "status" text check ("status" in ('sending', 'uploaded', 'finished', 'aborted', 'unknown', 'send_failed')) not null default 'sending', "status_name" text null, "description" text null, "category" text null, "skus" jsonb not null, "product_ids" jsonb not null, "errors" integer null, "warnings" integer null, "skipped" integer null, "total" integer null, "result" jsonb null, "error" text null, "sent_at" timestamptz null, "finished_at" timestamptz null, "checked_at" timestamptz null, "checks" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_card_import_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_card_import_deleted_at" ON "kaspi_card_import" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_card_import_account_id_import_code_unique" ON "kaspi_card_import" ("account_id", "import_code") WHERE import_code IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_card_import_status_checked_at" ON "kaspi_card_import" ("status", "checked_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_card_import_account_id_created_at" ON "kaspi_card_import" ("account_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_classification_cache" ("id" text not null, "account_id" text not null, "key" text not null, "data" jsonb not null, "fetched_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_classification_cache_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_classification_cache_deleted_at" ON "kaspi_classification_cache" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_classification_cache_account_id_key_unique" ON "kaspi_classification_cache" ("account_id", "key") WHERE deleted_at IS NULL;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kaspi_card" cascade;`);

    this.addSql(`drop table if exists "kaspi_card_category_mapping" cascade;`);

    this.addSql(`drop table if exists "kaspi_card_import" cascade;`);

    this.addSql(`drop table if exists "kaspi_classification_cache" cascade;`);

  }

}
