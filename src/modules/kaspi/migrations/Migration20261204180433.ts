import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204180433 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_order" add column if not exists "disagreement" jsonb null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_order_disagreement" ON "kaspi_order" ("account_id") WHERE disagreement is not null AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_kaspi_order_disagreement";`);
    this.addSql(`alter table if exists "kaspi_order" drop column if exists "disagreement";`);
  }

}
