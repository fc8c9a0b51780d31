import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129095823 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_action" drop constraint if exists "kaspi_action_idempotency_key_unique";`);
    this.addSql(`create table if not exists "kaspi_action" ("id" text not null, "account_id" text not null, "kaspi_order_id" text not null, "kaspi_id" text not null, "code" text not null, "order_id" text null, "action" text not null, "payload" jsonb not null, "idempotency_key" text not null, "origin" text not null default 'admin', "status" text check ("status" in ('pending', 'sending', 'sent', 'failed', 'dry_run')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "last_error" text null, "error_kind" text null, "result" jsonb null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_action_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_action_deleted_at" ON "kaspi_action" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_action_idempotency_key_unique" ON "kaspi_action" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_action_status_next_attempt_at" ON "kaspi_action" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_action_kaspi_order_id" ON "kaspi_action" ("kaspi_order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kaspi_action" cascade;`);
  }

}
