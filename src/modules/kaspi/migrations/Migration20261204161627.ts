import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204161627 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_backfill" drop constraint if exists "kaspi_backfill_account_id_unique";`);
    this.addSql(`create table if not exists "kaspi_backfill" ("id" text not null, "account_id" text not null, "range_from" timestamptz not null, "range_to" timestamptz not null, "states" jsonb not null, "status" text check ("status" in ('running', 'cancelling', 'cancelled', 'done', 'failed')) not null default 'running', "windows_total" integer not null, "windows_done" integer not null default 0, "state_index" integer not null default 0, "page" integer not null default 0, "orders_seen" integer not null default 0, "orders_imported" integer not null default 0, "orders_needs_attention" integer not null default 0, "orders_failed" integer not null default 0, "current_window_from" timestamptz null, "current_window_to" timestamptz null, "failures" integer not null default 0, "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "lease_until" timestamptz null, "lease_owner" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_backfill_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_backfill_deleted_at" ON "kaspi_backfill" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_backfill_account_id_unique" ON "kaspi_backfill" ("account_id") WHERE status IN ('running', 'cancelling') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_backfill_account_id_created_at" ON "kaspi_backfill" ("account_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kaspi_backfill" cascade;`);
  }

}
