import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129093540 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_feed_config" drop constraint if exists "kaspi_feed_config_account_id_unique";`);
    this.addSql(`alter table if exists "kaspi_feed_artifact" drop constraint if exists "kaspi_feed_artifact_build_id_kind_seq_unique";`);
    this.addSql(`alter table if exists "kaspi_account_settings" drop constraint if exists "kaspi_account_settings_account_id_unique";`);
    this.addSql(`create table if not exists "kaspi_account_settings" ("id" text not null, "account_id" text not null, "region_id" text null, "sales_channel_id" text null, "shipping_option_id" text null, "stock_location_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_account_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_account_settings_account_id_unique" ON "kaspi_account_settings" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_account_settings_deleted_at" ON "kaspi_account_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_feed_artifact" ("id" text not null, "build_id" text not null, "kind" text check ("kind" in ('xml_gz', 'manifest_gz')) not null, "seq" integer not null, "data" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_feed_artifact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_feed_artifact_deleted_at" ON "kaspi_feed_artifact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_feed_artifact_build_id_kind_seq_unique" ON "kaspi_feed_artifact" ("build_id", "kind", "seq") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_feed_build" ("id" text not null, "account_id" text not null, "status" text check ("status" in ('running', 'published', 'unchanged', 'refused', 'failed')) not null default 'running', "trigger" text not null, "forced" boolean not null default false, "started_at" timestamptz not null, "finished_at" timestamptz null, "published_at" timestamptz null, "duration_ms" integer null, "offers_count" integer not null default 0, "skipped_count" integer not null default 0, "excluded_count" integer not null default 0, "warnings_count" integer not null default 0, "stats" jsonb null, "issues" jsonb null, "warnings" jsonb null, "diff" jsonb null, "refusal_code" text null, "message" text null, "bytes" integer null, "gzip_bytes" integer null, "content_hash" text null, "body_hash" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_feed_build_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_feed_build_deleted_at" ON "kaspi_feed_build" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_feed_build_account_id_started_at" ON "kaspi_feed_build" ("account_id", "started_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_feed_build_account_id_status_published_at" ON "kaspi_feed_build" ("account_id", "status", "published_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_feed_config" ("id" text not null, "account_id" text not null, "enabled" boolean not null default false, "secret" text not null, "secret_rotated_at" timestamptz null, "settings" jsonb not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_feed_config_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_feed_config_account_id_unique" ON "kaspi_feed_config" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_feed_config_deleted_at" ON "kaspi_feed_config" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "kaspi_order" drop constraint if exists "kaspi_order_import_status_check";`);

    this.addSql(`alter table if exists "kaspi_order" add column if not exists "import_lease_until" timestamptz null, add column if not exists "order_id" text null, add column if not exists "unmapped_skus" jsonb null;`);
    this.addSql(`alter table if exists "kaspi_order" add constraint "kaspi_order_import_status_check" check("import_status" in ('pending', 'importing', 'imported', 'needs_attention', 'failed', 'ignored'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kaspi_account_settings" cascade;`);

    this.addSql(`drop table if exists "kaspi_feed_artifact" cascade;`);

    this.addSql(`drop table if exists "kaspi_feed_build" cascade;`);

    this.addSql(`drop table if exists "kaspi_feed_config" cascade;`);

    this.addSql(`alter table if exists "kaspi_order" drop constraint if exists "kaspi_order_import_status_check";`);

    this.addSql(`alter table if exists "kaspi_order" drop column if exists "import_lease_until", drop column if exists "order_id", drop column if exists "unmapped_skus";`);

    this.addSql(`alter table if exists "kaspi_order" add constraint "kaspi_order_import_status_check" check("import_status" in ('pending', 'imported', 'needs_attention', 'failed', 'ignored'));`);
  }

}
