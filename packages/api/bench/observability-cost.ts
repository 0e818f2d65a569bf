// What logging and metrics add to every request, measured in-process: the request scope
// (AsyncLocalStorage), one access line through pino (to stdout, which the run sends to
// /dev/null), a procedure timing and a domain counter — against the same loop without them.
// Prints microseconds per request. Compare with a hold's server CPU (docs/performance.md).
//   pnpm --filter @openticket/api exec tsx bench/observability-cost.ts > /dev/null
// (figures go to stderr; stdout carries the log lines being measured)
import { performance } from "node:perf_hooks";
import { logger, requestIdFor, withRequestId } from "../src/observability/logger.ts";
import { metrics } from "../src/observability/metrics.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);

async function work() {
  // Stands in for the request's own work: one await, as every handler has.
  await Promise.resolve();
}

async function bare() {
  await work();
}

async function observed() {
  const requestId = requestIdFor(undefined);
  const started = performance.now();
  await withRequestId(requestId, async () => {
    await work();
    metrics.procedureDuration.observe(
      { procedure: "reservation.hold", outcome: "ok" },
      (performance.now() - started) / 1000,
    );
    metrics.holds.inc({ outcome: "held" });
  });
  logger.info(
    {
      requestId,
      method: "POST",
      path: "/api/trpc/reservation.hold",
      status: 200,
      ms: Math.round(performance.now() - started),
    },
    "request",
  );
}

async function timePerRequest(run: () => Promise<void>) {
  for (let i = 0; i < 10_000; i++) await run(); // warm up
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) await run();
  return ((performance.now() - started) * 1000) / REQUESTS;
}

const rounds: { bare: number; observed: number }[] = [];
for (let round = 0; round < 3; round++) {
  rounds.push({ bare: await timePerRequest(bare), observed: await timePerRequest(observed) });
}
const best = (key: "bare" | "observed") => Math.min(...rounds.map((round) => round[key]));
process.stderr.write(
  `${REQUESTS} requests × 3 rounds, best round:\n` +
    `  without logging and metrics: ${best("bare").toFixed(2)} µs/request\n` +
    `  with:                        ${best("observed").toFixed(2)} µs/request\n` +
    `  cost:                        ${(best("observed") - best("bare")).toFixed(2)} µs/request\n`,
);
