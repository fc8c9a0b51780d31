import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129123110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_account_credential" drop constraint if exists "kaspi_account_credential_account_id_unique";`);
    this.addSql(`create table if not exists "kaspi_account_credential" ("id" text not null, "account_id" text not null, "token_ciphertext" text not null, "key_id" text not null, "set_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kaspi_account_credential_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kaspi_account_credential_account_id_unique" ON "kaspi_account_credential" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_kaspi_account_credential_deleted_at" ON "kaspi_account_credential" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "kaspi_account_credential" cascade;`);
  }

}
