// The zero-setup path of `pnpm start`: with no DATABASE_URL, the launcher starts an embedded
// PostgreSQL, creates, migrates and seeds the database, hands its URL to the command, and
// keeps the data for the next run.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const launcher = fileURLToPath(new URL("../src/cli/with-database.ts", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "openticket-launcher-"));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The command run inside: print how many users and events the database it was given has.
const probe = `
  const pg = require("pg");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.connect()
    .then(() => client.query("SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM events) AS events"))
    .then((result) => { console.log("PROBE " + JSON.stringify(result.rows[0])); return client.end(); });
`;

function launch() {
  const { DATABASE_URL: _, ...env } = process.env;
  return spawnSync(
    process.execPath,
    ["--import", "tsx", launcher, "--", process.execPath, "-e", probe],
    {
      env: { ...env, OPENTICKET_DATA_DIR: dataDir },
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      timeout: 170_000,
    },
  );
}

it("starts an embedded database, migrates and seeds it once, and keeps it between runs", () => {
  const first = launch();
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain("loading demo data");
  const counts = JSON.parse(first.stdout.split("PROBE ")[1]?.split("\n")[0] ?? "{}");
  expect(Number(counts.users)).toBeGreaterThan(3);
  expect(Number(counts.events)).toBeGreaterThanOrEqual(24);

  const second = launch();
  expect(second.status, second.stderr).toBe(0);
  expect(second.stdout).not.toContain("loading demo data");
  expect(second.stdout).toContain(`PROBE ${JSON.stringify(counts)}`);
}, 360_000);
