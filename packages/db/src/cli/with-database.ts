#!/usr/bin/env -S npx tsx
// Runs a command with a ready database: DATABASE_URL when set, otherwise the embedded
// PostgreSQL (started here, stopped when the command ends). Either way the database is
// migrated, and seeded with demo data when it has no users yet.
//   openticket-with-database -- next start
import { spawn } from "node:child_process";
import { createDb } from "../client.ts";
import { resolveDatabase } from "../database-url.ts";
import { migrate } from "../migrate.ts";
import { seedDemoData } from "../seed/index.ts";

const separator = process.argv.indexOf("--");
const command = separator === -1 ? [] : process.argv.slice(separator + 1);
if (command.length === 0) {
  console.error("usage: openticket-with-database -- <command> [args...]");
  process.exit(2);
}

const database = await resolveDatabase();
try {
  await migrate(database.url, { log: (line) => console.log(`[db] ${line}`) });
  const db = createDb(database.url, { maxConnections: 2 });
  try {
    if ((await db.user.count()) === 0) {
      console.log("[db] empty database: loading demo data (see README for the demo accounts)");
      console.log("[db] seeded", await seedDemoData(db));
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  await database.stop();
  throw error;
}

const [program, ...args] = command as [string, ...string[]];
const child = spawn(program, args, {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", async (code, signal) => {
  await database.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
