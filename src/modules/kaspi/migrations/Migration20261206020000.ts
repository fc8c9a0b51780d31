import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_order_code" ON "kaspi_order" ("code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_kaspi_order_code";`);
  }

}
