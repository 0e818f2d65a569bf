// One scrape for the whole cluster. `pnpm start` runs several app processes on one port
// (apps/web/scripts/cluster.ts), and a scrape of GET /api/metrics lands on any one of them, so
// per-process figures would show a random worker's share. Instead the worker that gets the
// scrape asks the cluster's primary process, which collects every worker's metrics over Node's
// IPC channel and adds them up with prom-client's AggregatorRegistry (counters and histograms
// summed; each gauge as its `aggregator` says).
//   worker ──request──▶ primary ──collect──▶ every worker ──part──▶ primary ──reply──▶ worker
import cluster, { type Worker } from "node:cluster";
import { randomUUID } from "node:crypto";
import {
  AggregatorRegistry,
  Gauge,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from "prom-client";

type Part = MetricObjectWithValues<MetricValue<string>>[];

type Message =
  | { type: "openticket:metrics:request"; id: string }
  | { type: "openticket:metrics:reply"; id: string; body?: string; error?: string }
  | { type: "openticket:metrics:collect"; id: string }
  | { type: "openticket:metrics:part"; id: string; metrics: Part };

/** How long the primary waits for the workers' parts; a slower worker is left out (and counted). */
const COLLECT_TIMEOUT_MS = 2_000;
/** How long a worker waits for the primary's sum. */
const REPLY_TIMEOUT_MS = 5_000;

function isMessage(value: unknown): value is Message {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === "string" && type.startsWith("openticket:metrics:");
}

/** True in a worker of a cluster, whose scrapes must go through the primary. */
export function inClusterWorker(): boolean {
  return cluster.isWorker && typeof process.send === "function";
}

/**
 * Worker side, once per process at start-up: hand this process's metrics to the primary when it
 * collects. Started before the first request, so even an idle worker is counted.
 */
export function answerClusterCollection(registry: () => Registry) {
  const holder = globalThis as unknown as { openticketAnswersCollection?: boolean };
  if (!inClusterWorker() || holder.openticketAnswersCollection) return;
  holder.openticketAnswersCollection = true;
  process.on("message", (message: unknown) => {
    if (!isMessage(message) || message.type !== "openticket:metrics:collect") return;
    void registry()
      .getMetricsAsJSON()
      .then((metrics) => send({ type: "openticket:metrics:part", id: message.id, metrics }))
      .catch(() => {});
  });
}

/** Scrapes this worker is waiting on the primary for, by id: one IPC listener serves them all. */
const awaitingReplies = new Map<string, (reply: { body?: string; error?: string }) => void>();

/** Worker side: the whole cluster's metrics text, summed by the primary. */
export function scrapeThroughPrimary(): Promise<string> {
  if (awaitingReplies.size === 0) process.on("message", onReply);
  const id = randomUUID();
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      settle({ error: "The cluster's primary process did not answer the metrics scrape." });
    }, REPLY_TIMEOUT_MS);
    function settle(reply: { body?: string; error?: string }) {
      clearTimeout(timer);
      awaitingReplies.delete(id);
      if (awaitingReplies.size === 0) process.off("message", onReply);
      if (reply.body !== undefined) resolve(reply.body);
      else reject(new Error(reply.error ?? "The metrics scrape failed."));
    }
    awaitingReplies.set(id, settle);
    send({ type: "openticket:metrics:request", id });
  });
}

function onReply(message: unknown) {
  if (!isMessage(message) || message.type !== "openticket:metrics:reply") return;
  awaitingReplies.get(message.id)?.(message);
}

/** Primary side (scripts/cluster.ts): answer workers' scrapes with every worker's metrics. */
export function serveClusterScrapes() {
  const waiting = new Map<string, (worker: Worker, metrics: Part) => void>();
  cluster.on("message", (worker, message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === "openticket:metrics:part") {
      waiting.get(message.id)?.(worker, message.metrics);
    } else if (message.type === "openticket:metrics:request") {
      collect(waiting).then(
        (body) => reply(worker, { type: "openticket:metrics:reply", id: message.id, body }),
        (error: unknown) =>
          reply(worker, { type: "openticket:metrics:reply", id: message.id, error: String(error) }),
      );
    }
  });
}

async function collect(
  waiting: Map<string, (worker: Worker, metrics: Part) => void>,
): Promise<string> {
  const workers = Object.values(cluster.workers ?? {}).filter(
    (worker): worker is Worker => worker?.isConnected() === true,
  );
  const id = randomUUID();
  const parts = new Map<Worker, Part>();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, COLLECT_TIMEOUT_MS);
    waiting.set(id, (worker, metrics) => {
      parts.set(worker, metrics);
      if (parts.size === workers.length) {
        clearTimeout(timer);
        resolve();
      }
    });
    for (const worker of workers) reply(worker, { type: "openticket:metrics:collect", id });
    if (workers.length === 0) resolve();
  });
  waiting.delete(id);

  const sum = AggregatorRegistry.aggregate([...parts.values()]);
  // Whether this scrape saw every worker: a missing one makes the sums low for this scrape.
  const completeness = new Registry();
  const counted = new Gauge({
    name: "openticket_cluster_workers",
    help: "App processes in this scrape: answered (their figures are in the sums) or missing (did not answer in time).",
    labelNames: ["state"] as const,
    registers: [completeness],
  });
  counted.set({ state: "answered" }, parts.size);
  counted.set({ state: "missing" }, workers.length - parts.size);
  return `${await sum.metrics()}\n${await completeness.metrics()}`;
}

/**
 * To a worker that may have died meanwhile: a send on a closed channel must not become an
 * uncaught 'error' in the primary, which would take every worker down with it.
 */
function reply(worker: Worker, message: Message) {
  if (!worker.isConnected()) return;
  worker.send(message, undefined, {}, () => {});
}

function send(message: Message) {
  // The primary may be gone (the process is shutting down): nothing to do then.
  process.send?.(message, undefined, {}, () => {});
}
