// Runs the app server (scripts/web-server.ts) in several worker processes that share one port (Node's cluster module:
// this primary accepts each connection and hands it to the next worker in turn, so no request
// passes through a proxy). Each worker is a whole app server: its own Prisma pool, seat-change
// feed, hold sweeper and payment jobs (all safe across instances). The database was launched,
// migrated and seeded once, before this process started (packages/db/src/cli/with-database.ts).
//   cluster.ts <workers> -- --port 3000
// A worker that dies is replaced; SIGINT/SIGTERM stop every worker, then this process.
import cluster, { type Worker } from "node:cluster";
import { fileURLToPath } from "node:url";
import { serveClusterScrapes } from "@openticket/api/cluster-metrics";
import { logger } from "@openticket/api/logger";

const separator = process.argv.indexOf("--");
const workers = Number(process.argv[2]);
const serverArgs = process.argv.slice(separator + 1);
if (separator === -1 || !Number.isInteger(workers) || workers < 1) {
  console.error("usage: cluster.ts <workers> -- [web-server.ts options]");
  process.exit(2);
}

// A worker dying this soon after it started is crashing, not unlucky: wait longer each time
// rather than restart it in a tight loop.
const CRASH_WINDOW_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

cluster.setupPrimary({
  exec: fileURLToPath(new URL("./web-server.ts", import.meta.url)),
  args: serverArgs,
  execArgv: ["--import", "tsx"],
});

// GET /api/metrics on any worker answers with every worker's figures, summed here.
serveClusterScrapes();

let stopping = false;
let restartDelayMs = 500;
const startedAt = new Map<Worker, number>();

function startWorker() {
  const worker = cluster.fork();
  startedAt.set(worker, Date.now());
  // A message to a worker that just died fails here, not as an uncaught error of this process.
  worker.on("error", (error) =>
    logger.warn(
      { workerPid: worker.process.pid, err: error },
      "cluster: a worker's channel failed",
    ),
  );
}

cluster.on("exit", (worker, code, signal) => {
  const lived = Date.now() - (startedAt.get(worker) ?? 0);
  startedAt.delete(worker);
  if (stopping) {
    if (startedAt.size === 0) process.exit(0);
    return;
  }
  restartDelayMs =
    lived < CRASH_WINDOW_MS ? Math.min(restartDelayMs * 2, MAX_RESTART_DELAY_MS) : 500;
  logger.error(
    { workerPid: worker.process.pid, exit: signal ?? code, restartInMs: restartDelayMs },
    "cluster: a worker exited; starting another",
  );
  setTimeout(() => {
    if (!stopping) startWorker();
  }, restartDelayMs);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (startedAt.size === 0) process.exit(0);
    for (const worker of startedAt.keys()) worker.process.kill(signal);
    // A worker stuck in shutdown must not keep the database launcher waiting forever.
    setTimeout(() => {
      for (const worker of startedAt.keys()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, 10_000).unref();
  });
}

logger.info({ workers }, "cluster: app processes (WEB_CONCURRENCY) share one port");
for (let i = 0; i < workers; i++) startWorker();
