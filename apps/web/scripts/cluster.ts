// `pnpm start`'s processes (Node's cluster module): <workers> API servers share the public port
// (scripts/api-server.ts: the primary accepts each connection and hands it to the next one in
// turn), and as many Next.js servers share a port of 127.0.0.1's own
// (scripts/web-server.ts --behind-api-server), to which the API servers pass every request that
// is not /api/trpc/*. The API servers run the hold sweeper and the job runner; the Next.js
// servers only render. The database was launched, migrated and seeded once, before this process
// started (packages/db/src/cli/with-database.ts).
//   cluster.ts <workers> -- --port 3000 [--hostname 127.0.0.1]
// A worker that dies is replaced; SIGINT/SIGTERM stop every worker, then this process.
import cluster, { type Worker } from "node:cluster";
import { fileURLToPath } from "node:url";
import { serveClusterScrapes } from "@openticket/api/cluster-metrics";
import { logger } from "@openticket/api/logger";
import getPort from "get-port";

const separator = process.argv.indexOf("--");
const workers = Number(process.argv[2]);
const serverArgs = process.argv.slice(separator + 1);
if (separator === -1 || !Number.isInteger(workers) || workers < 1) {
  console.error("usage: cluster.ts <workers> -- [--port 3000] [--hostname h]");
  process.exit(2);
}

// A worker dying this soon after it started is crashing, not unlucky: wait longer each time
// rather than restart it in a tight loop.
const CRASH_WINDOW_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

type Kind = "api" | "web";
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
/** The port of 127.0.0.1 the Next.js servers share: both kinds start at once, knowing it. */
const webPort = await getPort({ host: "127.0.0.1" });

function setUp(kind: Kind) {
  if (kind === "web") {
    cluster.setupPrimary({
      exec: script("./web-server.ts"),
      args: [...serverArgs, "--behind-api-server", String(webPort)],
      execArgv: ["--import", "tsx"],
    });
  } else {
    cluster.setupPrimary({
      exec: script("./api-server.ts"),
      args: [...serverArgs, "--next", `http://127.0.0.1:${webPort}`],
      execArgv: ["--import", "tsx"],
    });
  }
}

// GET /api/metrics on any worker answers with every worker's figures, summed here.
serveClusterScrapes();

let stopping = false;
let restartDelayMs = 500;
const running = new Map<Worker, { kind: Kind; startedAt: number }>();

function startWorker(kind: Kind) {
  setUp(kind);
  const worker = cluster.fork(
    // The Next.js servers leave the background work to the API servers.
    kind === "web" ? { JOB_RUNNER: "off", HOLD_SWEEP_INTERVAL_SECONDS: "0" } : {},
  );
  running.set(worker, { kind, startedAt: Date.now() });
  // A message to a worker that just died fails here, not as an uncaught error of this process.
  worker.on("error", (error) =>
    logger.warn(
      { workerPid: worker.process.pid, err: error },
      "cluster: a worker's channel failed",
    ),
  );
}

cluster.on("exit", (worker, code, signal) => {
  const { kind = "api", startedAt = 0 } = running.get(worker) ?? {};
  running.delete(worker);
  if (stopping) {
    if (running.size === 0) process.exit(0);
    return;
  }
  restartDelayMs =
    Date.now() - startedAt < CRASH_WINDOW_MS
      ? Math.min(restartDelayMs * 2, MAX_RESTART_DELAY_MS)
      : 500;
  logger.error(
    { workerPid: worker.process.pid, kind, exit: signal ?? code, restartInMs: restartDelayMs },
    "cluster: a worker exited; starting another",
  );
  setTimeout(() => {
    if (!stopping) startWorker(kind);
  }, restartDelayMs);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (running.size === 0) process.exit(0);
    for (const worker of running.keys()) worker.process.kill(signal);
    // A worker stuck in shutdown must not keep the database launcher waiting forever.
    setTimeout(() => {
      for (const worker of running.keys()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, 10_000).unref();
  });
}

logger.info(
  { workers },
  "cluster: API servers (WEB_CONCURRENCY) share the port, as many Next.js servers behind them",
);
for (let i = 0; i < workers; i++) {
  startWorker("web");
  startWorker("api");
}
