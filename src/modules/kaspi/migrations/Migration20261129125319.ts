import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129125319 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_account_settings" add column if not exists "polling" boolean null, add column if not exists "poll_interval_seconds" integer null, add column if not exists "auto_accept" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_account_settings" drop column if exists "polling", drop column if exists "poll_interval_seconds", drop column if exists "auto_accept";`);
  }

}
