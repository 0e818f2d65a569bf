// Test helpers: each test file gets its own database cloned from the migrated template that
// ./global-setup.ts prepared, and drops it afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "../client.ts";
import "./provided-context.ts";

export type TestDatabase = { url: string; name: string; db: Db; drop(): Promise<void> };

export async function createTestDatabase(
  options: { template?: string | null; maxConnections?: number } = {},
): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const template =
    options.template === null ? "template0" : (options.template ?? inject("testTemplateDatabase"));
  const name = `openticket_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, async (client) => {
    // Two clones of one template at the same instant can collide ("being accessed by other
    // users"); a short retry settles it.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { maxConnections: options.maxConnections });
  return {
    url: url.toString(),
    name,
    db,
    drop: async () => {
      await db.$disconnect();
      await withAdmin(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

/** Registers beforeAll/afterAll hooks; the returned getter gives this file's database. */
export function useTestDatabase(options?: Parameters<typeof createTestDatabase>[0]) {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  }, 60_000);
  return () => {
    if (!database) throw new Error("The test database is not ready (used outside a test?)");
    return database;
  };
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export { makeEvent, makeUser, makeVenue } from "./fixtures.ts";
export { latestMailLink, mailKindsSentTo } from "./mail-links.ts";
