// vitest globalSetup: one PostgreSQL server per test run (DATABASE_URL's server when set,
// otherwise a throwaway embedded one) and one migrated template database, from which every
// test file clones its own fresh database (see ./index.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../embedded.ts";
import { migrate } from "../migrate.ts";
import "./provided-context.ts";

export default async function setup(project: TestProject) {
  let serverUrl: string;
  let stopServer = async () => {};
  let scratch: string | undefined;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    serverUrl = url.toString();
  } else {
    // A parent that the `postgres` user can enter (mkdtemp makes 0700 folders).
    scratch = mkdtempSync(join(tmpdir(), "openticket-test-"));
    const server = await startEmbeddedPostgres({ dataDir: join(scratch, "pg"), durable: false });
    serverUrl = server.url("postgres");
    stopServer = () => server.stop();
  }

  const template = `openticket_template_${process.pid}_${Date.now()}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  await migrate(templateUrl.toString());

  project.provide("testServerUrl", serverUrl);
  project.provide("testTemplateDatabase", template);

  return async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await stopServer();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
