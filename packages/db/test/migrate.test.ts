import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MigrationError, migrate, migrationsDir, readMigrations } from "../src/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

const databases: TestDatabase[] = [];
async function emptyDatabase() {
  const database = await createTestDatabase({ template: null });
  databases.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  it("applies every migration to an empty database, and the second run is a no-op", async () => {
    const { url } = await emptyDatabase();
    const all = readMigrations().map((migration) => migration.name);
    expect(all.length).toBeGreaterThan(0);

    expect((await migrate(url)).applied).toEqual(all);
    expect((await migrate(url)).applied).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
    }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    // Bookkeeping as Prisma writes it: the sha256 of each file, one row per migration.
    expect(rows).toEqual(
      readMigrations().map((migration) => ({
        migration_name: migration.name,
        checksum: migration.checksum,
        applied_steps_count: 1,
      })),
    );
  });

  it("lets concurrent runs race safely: each migration is applied exactly once", async () => {
    const { url } = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url), migrate(url)]);
    const applied = results.flatMap((result) => result.applied).sort();
    expect(applied).toEqual(readMigrations().map((migration) => migration.name));
  });

  it("rolls back a failed migration completely and names it", async () => {
    const { url } = await emptyDatabase();
    const dir = mkdtempSync(join(tmpdir(), "openticket-migrations-"));
    try {
      cpSync(migrationsDir, dir, { recursive: true });
      mkdirSync(join(dir, "99990101000000_broken"));
      writeFileSync(
        join(dir, "99990101000000_broken", "migration.sql"),
        `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`,
      );
      const failure = await migrate(url, { dir }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as MigrationError).migration).toBe("99990101000000_broken");
      expect((failure as Error).message).toMatch(/99990101000000_broken.*no_such_table/);

      const halfDone = await query(url, `SELECT to_regclass('half_done') AS t`);
      expect(halfDone).toEqual([{ t: null }]);
      const recorded = await query<{ migration_name: string }>(
        url,
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      // The good migrations before it stay applied; the broken one left no trace.
      expect(recorded.map((row) => row.migration_name)).toEqual(
        readMigrations().map((migration) => migration.name),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const { url } = await emptyDatabase();
    await migrate(url);
    const dir = mkdtempSync(join(tmpdir(), "openticket-migrations-"));
    try {
      cpSync(migrationsDir, dir, { recursive: true });
      const first = readMigrations()[0];
      if (!first) throw new Error("no migrations");
      writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
      await expect(migrate(url, { dir })).rejects.toThrow(/changed after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
