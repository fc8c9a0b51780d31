import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129092603 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_sync_state" drop constraint if exists "kaspi_sync_state_account_id_unique";`);
    this.addSql(`alter table if exists "kaspi_store_mapping" drop constraint if exists "kaspi_store_mapping_account_id_store_id_unique";`);
    this.addSql(`alter table if exists "kaspi_sku_mapping" drop constraint if exists "kaspi_sku_mapping_account_id_kaspi_sku_unique";`);
    this.addSql(`alter table if exists "kaspi_order" drop constraint if exists "kaspi_order_account_id_code_unique";`);
    this.addSql(`alter table if exists "kaspi_order" drop constraint if exists "kaspi_order_account_id_kaspi_id_unique";`);
    this.addSql(`create table if not exists "kaspi_order" ("id" text not null, "account_id" text not null, "kaspi_id" text not null, "code" text not null, "state" text not null, "status" text not null, "delivery_mode" text null, "is_kaspi_delivery" boolean not null default false, "pre_order" boolean not null default false, "signature_required" boolean not null default false, "assembled" boolean not null default false, "pickup_point_id" text null, "total_price" numeric not null, "delivery_cost" numeric null, "customer_phone" text null, "cancellation_reason" text null, "waybill_url" text null, "kaspi_created_at" timestamptz not null, "kaspi_approved_at" timestamptz null, "planned_delivery_at" timestamptz null, "import_status" text check ("import_status" in ('pending', 'imported', 'needs_attention', 'failed', 'ignored')) not null default 'pending', "import_reason" text null, "attempts" integer not null default 0, "last_attempt_at" timestamptz null, "raw" jsonb not null, "raw_total_price" jsonb not null, "raw_delivery_cost" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_order_deleted_at" ON "kaspi_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_order_account_id_kaspi_id_unique" ON "kaspi_order" ("account_id", "kaspi_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_order_account_id_code_unique" ON "kaspi_order" ("account_id", "code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_order_import_status" ON "kaspi_order" ("import_status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_order_account_id_status" ON "kaspi_order" ("account_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_event" ("id" text not null, "account_id" text not null, "kaspi_code" text null, "type" text not null, "result" text check ("result" in ('ok', 'error', 'info')) not null default 'info', "message" text null, "data" jsonb null, "kaspi_order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_event_kaspi_order_id" ON "kaspi_event" ("kaspi_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_event_deleted_at" ON "kaspi_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_event_account_id_kaspi_code" ON "kaspi_event" ("account_id", "kaspi_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_event_type" ON "kaspi_event" ("type") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_sku_mapping" ("id" text not null, "account_id" text not null, "kaspi_sku" text not null, "variant_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_sku_mapping_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_sku_mapping_deleted_at" ON "kaspi_sku_mapping" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_sku_mapping_account_id_kaspi_sku_unique" ON "kaspi_sku_mapping" ("account_id", "kaspi_sku") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_sku_mapping_variant_id" ON "kaspi_sku_mapping" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_store_mapping" ("id" text not null, "account_id" text not null, "store_id" text not null, "stock_location_id" text not null, "stock_buffer" integer not null default 0, "pre_order_days" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_store_mapping_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_store_mapping_deleted_at" ON "kaspi_store_mapping" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_store_mapping_account_id_store_id_unique" ON "kaspi_store_mapping" ("account_id", "store_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "kaspi_sync_state" ("id" text not null, "account_id" text not null, "synced_until" timestamptz null, "last_new_poll_at" timestamptz null, "last_success_at" timestamptz null, "last_error" text null, "last_stats" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_sync_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_sync_state_account_id_unique" ON "kaspi_sync_state" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_sync_state_deleted_at" ON "kaspi_sync_state" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "kaspi_event" add constraint "kaspi_event_kaspi_order_id_foreign" foreign key ("kaspi_order_id") references "kaspi_order" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_event" drop constraint if exists "kaspi_event_kaspi_order_id_foreign";`);

    this.addSql(`drop table if exists "kaspi_order" cascade;`);

    this.addSql(`drop table if exists "kaspi_event" cascade;`);

    this.addSql(`drop table if exists "kaspi_sku_mapping" cascade;`);

    this.addSql(`drop table if exists "kaspi_store_mapping" cascade;`);

    this.addSql(`drop table if exists "kaspi_sync_state" cascade;`);
  }

}
