import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129145019 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_account_credential" drop column if exists "key_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_account_credential" add column if not exists "key_id" text not null;`);
  }

}
