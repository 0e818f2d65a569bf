// schema.prisma and prisma/migrations must describe the same database. Build one database from
// the migrations and one from the SQL that Prisma's own engine derives from schema.prisma, and
// compare their catalogs. The only differences allowed are the hand-written constraints below.
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { migrate } from "../src/migrate.ts";
import { sqlFromSchema } from "../src/sql-from-schema.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

/** Objects that exist only in migration.sql because schema.prisma cannot express them. */
const HAND_WRITTEN = new Set([
  "users_username_lower",
  "users_email_lower",
  "events_ends_after_start",
  "events_sales_window_ordered",
  "events_max_seats_per_order_positive",
  "events_refund_percent_range",
  "events_refund_hours_non_negative",
  "events_cover_complete",
  "price_tiers_price_non_negative",
  "orders_total_non_negative",
  "tickets_price_paid_non_negative",
  "payments_amount_non_negative",
  "seat_holds_price_non_negative",
  "hold_carts_seats_non_negative",
  "hold_totals_seats_non_negative",
  "payment_attempts_amount_non_negative",
  "demo_payments_amounts_valid",
  "tickets_one_live_per_event_seat",
  "payments_one_charge_per_order",
  "payments_one_refund_per_order",
  "events.search_grams",
  "events_search_grams_idx",
  "events_published_period_idx",
  "events_published_city_idx",
  "users_locale_known",
  "mail_outbox_locale_known",
  "mail_outbox_to_address_one_line",
  "mail_outbox_attempts_not_negative",
  "check_ins_one_live_per_ticket",
  "check_ins_undone_together",
  "ticket_signing_keys_one_active",
  "ticket_signing_keys_number_valid",
  "offline_scans_outcome_valid",
  "discount_codes_organizer_code_unique",
  "discount_codes_uses_within_limit",
  "discount_codes_value_valid",
  "discount_codes_window_ordered",
  "orders_discount_valid",
  "ticket_types_price_non_negative",
  "ticket_types_quota_positive",
  "ticket_types_counts_non_negative",
  "ticket_types_window_ordered",
  "ticket_types_within_quota",
]);

/**
 * PostgreSQL 18 lists each NOT NULL as a named constraint (`<table>_<column>_not_null`): a
 * hand-written column's goes with it.
 */
const HAND_WRITTEN_NOT_NULL = new Set(
  [...HAND_WRITTEN]
    .filter((name) => name.includes("."))
    .map((column) => `${column.replace(".", "_")}_not_null`),
);

const CATALOG_QUERIES = {
  columns: `SELECT table_name || '.' || column_name AS name,
                   concat_ws(' ', udt_name, character_maximum_length, is_nullable, column_default) AS def
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  indexes: `SELECT indexname AS name, indexdef AS def FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  constraints: `SELECT conname AS name, conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS def
                FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace
                  AND conrelid <> COALESCE(to_regclass('_prisma_migrations'), 0)`,
  enums: `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS def
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
};

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, string[]> = {};
    for (const [kind, sql] of Object.entries(CATALOG_QUERIES)) {
      const { rows } = await client.query<{ name: string; def: string }>(sql);
      result[kind] = rows
        .filter((row) => !HAND_WRITTEN.has(row.name) && !HAND_WRITTEN_NOT_NULL.has(row.name))
        .map((row) => `${row.name}: ${row.def}`)
        .sort();
    }
    return result;
  } finally {
    await client.end();
  }
}

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

it("schema.prisma and the migrations produce the same tables, columns, indexes and constraints", async () => {
  const fromMigrations = await createTestDatabase({ template: null });
  const fromSchema = await createTestDatabase({ template: null });
  databases.push(fromMigrations, fromSchema);

  await migrate(fromMigrations.url);
  const sql = await sqlFromSchema({ connectionString: fromSchema.url });
  const client = new pg.Client({ connectionString: fromSchema.url });
  await client.connect();
  await client.query(sql);
  await client.end();

  const migrated = await catalog(fromMigrations.url);
  expect(migrated.columns?.length).toBeGreaterThan(50);
  expect(migrated).toEqual(await catalog(fromSchema.url));
});

it("every hand-written constraint, index and column exists in the migrated database", async () => {
  const database = await createTestDatabase();
  databases.push(database);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `SELECT conname AS name FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
     UNION SELECT table_name || '.' || column_name FROM information_schema.columns
           WHERE table_schema = 'public'`,
  );
  await client.end();
  const names = new Set(rows.map((row) => row.name));
  expect([...HAND_WRITTEN].filter((name) => !names.has(name))).toEqual([]);
});
