import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205210000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_order" add column if not exists "courier_planned_at" timestamptz null, add column if not exists "courier_handed_at" timestamptz null;`);
    // Backfilled from the Kaspi JSON each order keeps (raw), so open orders have their hand-over deadline at once.
    this.addSql(`update "kaspi_order" set
      "courier_planned_at" = to_timestamp(("raw"->'order'->'attributes'->'kaspiDelivery'->>'courierTransmissionPlanningDate')::double precision / 1000),
      "courier_handed_at" = to_timestamp(("raw"->'order'->'attributes'->'kaspiDelivery'->>'courierTransmissionDate')::double precision / 1000)
      where "raw"->'order'->'attributes'->'kaspiDelivery' is not null and jsonb_typeof("raw"->'order'->'attributes'->'kaspiDelivery') = 'object'
        and (jsonb_typeof("raw"->'order'->'attributes'->'kaspiDelivery'->'courierTransmissionPlanningDate') = 'number'
          or jsonb_typeof("raw"->'order'->'attributes'->'kaspiDelivery'->'courierTransmissionDate') = 'number');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "kaspi_order" drop column if exists "courier_planned_at", drop column if exists "courier_handed_at";`);
  }

}
