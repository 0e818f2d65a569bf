// Applies prisma/migrations/* in order, the way `prisma migrate deploy` would, without Prisma's
// native schema engine (which cannot be downloaded offline). Each migration runs in its own
// transaction; an advisory lock makes concurrent runs wait for each other; bookkeeping rows in
// `_prisma_migrations` match Prisma's own, so `prisma migrate deploy` accepts the same database.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Logger as JobQueueLogger, runMigrations as migrateJobQueue } from "graphile-worker";
import pg from "pg";

export const migrationsDir = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/** Any 64-bit number unique to this purpose; all runners against one database share it. */
const MIGRATION_LOCK_KEY = 7_245_031_118;

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(
      `Migration ${migration} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = "MigrationError";
  }
}

type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
          "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
          "checksum"            VARCHAR(64) NOT NULL,
          "finished_at"         TIMESTAMPTZ,
          "migration_name"      VARCHAR(255) NOT NULL,
          "logs"                TEXT,
          "rolled_back_at"      TIMESTAMPTZ,
          "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
          "applied_steps_count" INTEGER NOT NULL DEFAULT 0
        )`);
      const { rows } = await client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
      }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
         WHERE rolled_back_at IS NULL`,
      );
      const unfinished = rows.find((row) => row.finished_at === null);
      if (unfinished) {
        throw new Error(
          `Migration ${unfinished.migration_name} is recorded as started but not finished; resolve it before migrating.`,
        );
      }
      const appliedChecksums = new Map(rows.map((row) => [row.migration_name, row.checksum]));
      const applied: string[] = [];
      for (const migration of migrations) {
        const checksum = appliedChecksums.get(migration.name);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(
              `Migration ${migration.name} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        await applyOne(client, migration);
        log(`applied ${migration.name}`);
        applied.push(migration.name);
      }
      // The job queue's own schema (graphile_worker), so that a transaction can queue a job
      // (e.g. the mail outbox's send-mail) before any job runner has started.
      await migrateJobQueue({ connectionString, logger: quietJobQueueLogger });
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

const quietJobQueueLogger = new JobQueueLogger(() => () => {});

async function applyOne(client: pg.Client, migration: Migration) {
  const startedAt = new Date();
  try {
    await client.query("BEGIN");
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new MigrationError(migration.name, error);
  }
}
