import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205072318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_action_created_at" ON "kaspi_action" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_event_created_at" ON "kaspi_event" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_kaspi_action_created_at";`);

    this.addSql(`drop index if exists "IDX_kaspi_event_created_at";`);
  }

}
