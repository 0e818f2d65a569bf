// Where the product's database is: DATABASE_URL when set, otherwise an embedded PostgreSQL whose
// data lives in <repo>/.data/postgres (or $OPENTICKET_DATA_DIR/postgres) and is kept between runs.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded.ts";

const defaultDataDir = fileURLToPath(new URL("../../../.data", import.meta.url));
const EMBEDDED_DATABASE = "openticket";

export type ResolvedDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.log,
): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    await createDatabaseIfMissing(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataDir = join(env.OPENTICKET_DATA_DIR ?? defaultDataDir, "postgres");
  log(`No DATABASE_URL: starting embedded PostgreSQL (data in ${dataDir})`);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: env.EMBEDDED_POSTGRES_PORT ? Number(env.EMBEDDED_POSTGRES_PORT) : undefined,
  });
  const url = server.url(EMBEDDED_DATABASE);
  await createDatabaseIfMissing(url);
  return { url, embedded: true, stop: () => server.stop() };
}

/** Runs `work` with a database URL, stopping an embedded server afterwards. */
export async function withDatabaseUrl<T>(work: (url: string) => Promise<T>): Promise<T> {
  const database = await resolveDatabase(process.env, (line) => console.error(line));
  try {
    return await work(database.url);
  } finally {
    await database.stop();
  }
}

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).catch((error) => {
        // Another process created it first.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}
