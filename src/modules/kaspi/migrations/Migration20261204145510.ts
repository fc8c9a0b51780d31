import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204145510 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_order" add column if not exists "sync_problem" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_order" drop column if exists "sync_problem";`);
  }

}
