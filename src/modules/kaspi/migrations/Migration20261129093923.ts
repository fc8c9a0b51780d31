import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129093923 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_sync_state" add column if not exists "last_status_sync_at" timestamptz null, add column if not exists "lease_until" timestamptz null, add column if not exists "lease_owner" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_sync_state" drop column if exists "last_status_sync_at", drop column if exists "lease_until", drop column if exists "lease_owner";`);
  }

}
