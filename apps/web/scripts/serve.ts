// `pnpm start` / `pnpm dev`: the web app on a ready database with zero setup. Fills in the
// secrets a first run lacks (generated once, kept in <repo>/.data/secrets.json, git-ignored),
// then runs Next through the database launcher (embedded PostgreSQL unless DATABASE_URL is set).
// `start` runs WEB_CONCURRENCY API server processes (default: one per CPU core) sharing the port,
// with as many Next.js processes behind them (scripts/cluster.ts). `dev` is `next dev`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
const secretsFile = fileURLToPath(new URL("../../../.data/secrets.json", import.meta.url));

function localSecrets(): Record<string, string> {
  if (existsSync(secretsFile)) return JSON.parse(readFileSync(secretsFile, "utf8"));
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    CRON_SECRET: randomBytes(32).toString("base64url"),
  };
  mkdirSync(dirname(secretsFile), { recursive: true });
  writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

const secrets = process.env.NEXTAUTH_SECRET ? {} : localSecrets();
const env = {
  ...secrets,
  NEXTAUTH_URL: `http://localhost:${port}`,
  ...process.env,
  PORT: port,
};
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const tsx = [process.execPath, "--import", "tsx"];
function command(): string[] {
  if (mode === "dev") return ["next", "dev", "--port", port];
  const workers = webConcurrency(process.env.WEB_CONCURRENCY);
  return [...tsx, script("./cluster.ts"), String(workers), "--", "--port", port];
}
const launcher = fileURLToPath(import.meta.resolve("@openticket/db/cli/with-database"));
const child = spawn(process.execPath, ["--import", "tsx", launcher, "--", ...command()], {
  stdio: "inherit",
  env,
});

function webConcurrency(value: string | undefined): number {
  if (value === undefined || value === "") return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    console.error(
      `WEB_CONCURRENCY must be a whole number of processes (1 or more), not "${value}"`,
    );
    process.exit(2);
  }
  return count;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
