// Starts OpenTicket for the bench with the web app's own launcher (`pnpm --filter @openticket/web
// serve`: migrates, seeds, `next start`) on a fresh database, and reads what the server's
// processes cost from /proc (CPU time and memory of the whole process tree).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import getPort from "get-port";
import pg from "pg";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export type StartedServer = {
  url: string;
  databaseUrl: string;
  settings: Record<string, string>;
  /** CPU seconds used so far by the server's process tree, and its resident memory now. */
  usage(): { cpuSeconds: number; rssBytes: number };
  stop(): Promise<void>;
};

/** Drops and recreates `database` on `serverUrl`'s PostgreSQL; answers its URL. */
export async function freshDatabase(serverUrl: string, database: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function startWebApp(options: {
  databaseUrl: string;
  env: Record<string, string>;
  log: (line: string) => void;
}): Promise<StartedServer> {
  if (!existsSync(`${repoRoot}apps/web/.next/BUILD_ID`)) {
    throw new Error(
      "apps/web has no production build: run pnpm --filter @openticket/web build first.",
    );
  }
  const port = await getPort({ host: "127.0.0.1" });
  const url = `http://127.0.0.1:${port}`;
  const settings = { PORT: String(port), NEXTAUTH_URL: url, ...options.env };
  const child = spawn("pnpm", ["--filter", "@openticket/web", "serve"], {
    cwd: repoRoot,
    env: { ...process.env, ...settings, DATABASE_URL: options.databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it stops next start and its workers too.
    detached: true,
  });
  const logTail: string[] = [];
  let stopping = false;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      logTail.push(line);
      if (logTail.length > 40) logTail.shift();
      // Errors the server logs during the rush are part of what the bench reports.
      if (!stopping && /error|failed|warn/i.test(line))
        options.log(`  [server] ${line.slice(0, 300)}`);
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  await waitUntilReady(url, child, logTail);
  return {
    url,
    databaseUrl: options.databaseUrl,
    settings,
    usage: () => treeUsage(child.pid ?? 0),
    stop: () => {
      stopping = true;
      return stopGroup(child);
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, logTail: string[]) {
  const giveUpAt = Date.now() + 180_000;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) {
      throw new Error(`The web app exited (${child.exitCode}):\n${logTail.join("\n")}`);
    }
    const answered = await fetch(new URL("/api/auth/csrf", url), {
      signal: AbortSignal.timeout(5_000),
    }).catch(() => null);
    if (answered?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The web app did not answer within 3 minutes:\n${logTail.join("\n")}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(child.pid as number, "SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(child.pid as number, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

/** CPU (user + system, children that ended included) and RSS of `root` and its descendants. */
export function treeUsage(root: number): { cpuSeconds: number; rssBytes: number } {
  const parents = new Map<number, number>();
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which may itself contain spaces and parentheses.
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      stats.set(Number(entry), fields);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 50; hops++) {
      if (at === root) return true;
      at = parents.get(at) ?? 0;
    }
    return false;
  };
  let ticks = 0;
  let pages = 0;
  for (const [pid, fields] of stats) {
    if (!inTree(pid)) continue;
    // utime, stime, cutime, cstime are fields 14–17 of stat, i.e. 11–14 after the name; rss is 24.
    ticks += [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
    pages += Number(fields[21] ?? 0);
  }
  return { cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: pages * PAGE_BYTES };
}

/** CPU seconds the whole machine has spent busy (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
    .split(/\s+/)
    .slice(1)
    .map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
  const busy = fields
    .slice(0, 8)
    .reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
  return busy / TICKS_PER_SECOND;
}
