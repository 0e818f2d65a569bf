// Prometheus metrics of one server process (prom-client), scraped at GET /api/metrics.
// docs/metrics.md says which matter during an on-sale. Labels take values from small fixed sets
// (procedure names come from the router, outcomes from tRPC's error codes), so the number of
// series stays bounded whatever the clients send.
// Gauges that describe a part owned by the web app (its database pool, its request gate, the
// job queue's table) read that part when scraped, through the `observe*` functions below.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { toTRPCError } from "../errors.ts";
import {
  answerClusterCollection,
  inClusterWorker,
  scrapeThroughPrimary,
} from "./cluster-metrics.ts";

type Sources = {
  pool?: () => { total: number; idle: number; waiting: number; max: number };
  gate?: () => { active: number; queued: number };
  jobQueue?: () => Promise<{ due: number; running: number; failed: number }>;
  waitingRooms?: () => Promise<
    { eventId: string; waiting: number; admitted: number; admissionsPerMinute: number }[]
  >;
};

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: Sources = {};
  const registers = [registry];
  const metrics = {
    registry,
    sources,
    procedureDuration: new Histogram({
      name: "openticket_trpc_duration_seconds",
      help: "Time to answer a tRPC query or mutation, by procedure and outcome (ok or the error code).",
      labelNames: ["procedure", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    holds: new Counter({
      name: "openticket_holds_total",
      help: "Hold requests by outcome: held, conflict (a seat was taken first), refused (any other refusal).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    checkouts: new Counter({
      name: "openticket_checkouts_total",
      help: "Checkouts by outcome: started (payment opened), conflict, refused, error.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    refunds: new Counter({
      name: "openticket_refunds_total",
      help: "Refunds sent to the payment provider, by outcome: sent or failed (retried later).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    mails: new Counter({
      name: "openticket_mails_total",
      help: "Mail delivery attempts by outcome: sent, retry (failed, will be tried again), failed (gave up).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    seatFeedLag: new Histogram({
      name: "openticket_seat_feed_lag_seconds",
      help: "From a seat change's NOTIFY in the database to this process hearing it.",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    batchSize: new Histogram({
      name: "openticket_reservation_batch_size",
      help: "Holds or releases decided together in one database transaction (group commit), per batch.",
      labelNames: ["batcher"] as const,
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers,
    }),
    refused: new Counter({
      name: "openticket_api_refused_total",
      help: "API requests answered 503 by load shedding: busy (queue full or waited too long) or too_slow.",
      labelNames: ["reason"] as const,
      registers,
    }),
  };
  new Gauge({
    name: "openticket_api_requests",
    help: "API requests being worked on (active) and waiting for a slot (queued) in this process.",
    labelNames: ["state"] as const,
    registers,
    collect() {
      const load = sources.gate?.();
      if (!load) return;
      this.set({ state: "active" }, load.active);
      this.set({ state: "queued" }, load.queued);
    },
  });
  new Gauge({
    name: "openticket_db_pool_connections",
    help: "This process's database pool: connections in use, idle, the pool's maximum, and queries waiting for one.",
    labelNames: ["state"] as const,
    registers,
    collect() {
      const pool = sources.pool?.();
      if (!pool) return;
      this.set({ state: "in_use" }, pool.total - pool.idle);
      this.set({ state: "idle" }, pool.idle);
      this.set({ state: "max" }, pool.max);
      this.set({ state: "waiting" }, pool.waiting);
    },
  });
  new Gauge({
    name: "openticket_job_queue_jobs",
    help: "Background jobs (graphile-worker): due and waiting for a runner, running, failed for good.",
    labelNames: ["state"] as const,
    registers,
    // Every process reads the same table: a cluster's sum would count it once per process.
    aggregator: "first",
    async collect() {
      const depth = await sources.jobQueue?.().catch(() => null);
      if (!depth) return;
      this.set({ state: "due" }, depth.due);
      this.set({ state: "running" }, depth.running);
      this.set({ state: "failed" }, depth.failed);
    },
  });
  // One series per event whose waiting room is open (a handful at most). Every process reads
  // the same line: a cluster's scrape takes one process's reading instead of a sum. Both gauges
  // are collected at once, from one reading.
  const readRooms = oneReadingPerScrape(async () => (await sources.waitingRooms?.()) ?? []);
  new Gauge({
    name: "openticket_waiting_room_people",
    help: "People in an open waiting room's line, by event: waiting for their turn, or admitted.",
    labelNames: ["event", "state"] as const,
    registers,
    aggregator: "first",
    async collect() {
      this.reset();
      for (const room of await readRooms()) {
        this.set({ event: room.eventId, state: "waiting" }, room.waiting);
        this.set({ event: room.eventId, state: "admitted" }, room.admitted);
      }
    },
  });
  new Gauge({
    name: "openticket_waiting_room_admissions_per_minute",
    help: "The admission rate an open waiting room is set to, by event.",
    labelNames: ["event"] as const,
    registers,
    aggregator: "first",
    async collect() {
      this.reset();
      for (const room of await readRooms()) {
        this.set({ event: room.eventId }, room.admissionsPerMinute);
      }
    },
  });
  return metrics;
}

/** `read` once for the gauges of one scrape (collected together), not once per gauge. */
function oneReadingPerScrape<T>(read: () => Promise<T[]>): () => Promise<T[]> {
  let reading: { at: number; result: Promise<T[]> } | null = null;
  return () => {
    if (!reading || Date.now() - reading.at > 1_000) {
      reading = { at: Date.now(), result: read().catch(() => []) };
    }
    return reading.result;
  };
}

// Next.js's bundle and the HTTP server may each load this module: one registry for both, and
// one across hot reloads (registering a name twice throws).
const holder = globalThis as unknown as { openticketMetrics?: ReturnType<typeof createMetrics> };
holder.openticketMetrics ??= createMetrics();

export const metrics = holder.openticketMetrics;

/**
 * The text a Prometheus scrape reads, and its content type: this process's metrics, or in a
 * cluster worker the sum over every worker (./cluster-metrics.ts).
 */
export async function scrapeMetrics() {
  const body = inClusterWorker() ? await scrapeThroughPrimary() : await metrics.registry.metrics();
  return { body, contentType: metrics.registry.contentType };
}

/** In a cluster worker, at start-up: let the primary collect this process's metrics. */
export function shareMetricsWithCluster() {
  answerClusterCollection(() => metrics.registry);
}

export function observeDatabasePool(read: NonNullable<Sources["pool"]>) {
  metrics.sources.pool = read;
}

export function observeRequestGate(read: NonNullable<Sources["gate"]>) {
  metrics.sources.gate = read;
}

export function observeJobQueue(read: NonNullable<Sources["jobQueue"]>) {
  metrics.sources.jobQueue = read;
}

export function observeWaitingRooms(read: NonNullable<Sources["waitingRooms"]>) {
  metrics.sources.waitingRooms = read;
}

/** The outcome label of a finished call: "ok", or a tRPC error code such as "CONFLICT". */
export function outcomeOf(error: unknown): string {
  if (!error) return "ok";
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Z_]{1,40}$/.test(code) ? code : "INTERNAL_SERVER_ERROR";
}

/**
 * Counts how `work` ended on `counter`: `success`, or conflict (someone else was first, or a
 * serialization failure), refused (any other domain refusal), error (a fault).
 */
export async function countOutcome<T>(
  counter: Counter<"outcome">,
  success: string,
  work: Promise<T>,
): Promise<T> {
  try {
    const result = await work;
    counter.inc({ outcome: success });
    return result;
  } catch (error) {
    const code = toTRPCError(error).code;
    const outcome =
      code === "CONFLICT" ? "conflict" : code === "INTERNAL_SERVER_ERROR" ? "error" : "refused";
    counter.inc({ outcome });
    throw error;
  }
}
