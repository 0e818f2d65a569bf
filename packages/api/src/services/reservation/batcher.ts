// Group commit for seat holds and releases. Concurrent calls in one app process share a
// SERIALIZABLE transaction instead of paying for one each: Prisma spends most of a millisecond
// of client CPU on every interactive transaction, which on a small machine capped holds at a
// few hundred per second (docs/performance.md).
//
// No timer: a call starts a batch as soon as the event loop has run what was ready (so calls
// made together, e.g. by requests answered together, share a batch) when fewer than
// `maxInFlight` batches are running; otherwise it queues, and the next batch takes everything
// queued. Batches grow with load and stay at one call when the service is quiet.
//
// A batch that fails as a whole (an error no single request was blamed for, or serialization
// retries used up) is split in two halves that go back to the front of the queue as batches of
// their own, until the request that breaks is alone and fails by itself. The halves wait their
// turn like any batch, so other callers are never held up behind a request-by-request re-run.
// An error that says the database itself is unreachable fails the batch at once: splitting
// would only repeat it. The queue is bounded, and a caller that gives up while queued leaves it.
import { AppError } from "../../errors.ts";

/** What a batch says about each of its items, in order. */
export type BatchOutcome<Out> =
  | { status: "fulfilled"; value: Out }
  | { status: "rejected"; reason: unknown }
  /** Not decided in this batch (e.g. it collides with an earlier item): runs in the next. */
  | { status: "deferred" };

export type BatcherOptions = {
  /** Batches running at once. */
  maxInFlight: number;
  /** Largest number of items in one batch. */
  maxItems: number;
  /** Items waiting at most (default 2,000); more are refused with TOO_MANY_REQUESTS. */
  maxQueued?: number;
  /** Told each batch's size as it starts (the metrics' batch-size histogram). */
  onBatch?: (items: number) => void;
};

export type BatcherStats = {
  batches: number;
  items: number;
  /** Serialization retries of batch transactions (counted by the batch function). */
  retries: number;
  /** Failed batches split in two to find the request that broke them. */
  splits: number;
  /** Calls refused because the queue was full. */
  refused: number;
};

type Waiting<In, Out> = {
  item: In;
  resolve: (value: Out) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
};

export class Batcher<In, Out> {
  readonly stats: BatcherStats = { batches: 0, items: 0, retries: 0, splits: 0, refused: 0 };
  /** Halves of failed batches: each runs as a batch of its own, before the queue. */
  private readonly splitGroups: Waiting<In, Out>[][] = [];
  private readonly queue: Waiting<In, Out>[] = [];
  private running = 0;
  private startScheduled = false;

  constructor(
    private readonly runBatch: (items: In[], stats: BatcherStats) => Promise<BatchOutcome<Out>[]>,
    private readonly options: BatcherOptions,
  ) {}

  /** Waiting items, split groups included. */
  get queued(): number {
    return this.queue.length + this.splitGroups.reduce((sum, group) => sum + group.length, 0);
  }

  submit(item: In, signal?: AbortSignal): Promise<Out> {
    if (signal?.aborted) return Promise.reject(aborted());
    if (this.queued >= (this.options.maxQueued ?? 2_000)) {
      this.stats.refused++;
      return Promise.reject(
        new AppError(
          "TOO_MANY_REQUESTS",
          "Too many people are choosing seats right now. Please try again in a moment.",
          // The queue drains in batches of milliseconds: a second is plenty (HTTP Retry-After).
          { retryAfterSeconds: 1 },
        ),
      );
    }
    return new Promise<Out>((resolve, reject) => {
      const waiting: Waiting<In, Out> = { item, resolve, reject, signal };
      if (signal) {
        // Still queued when the caller gives up (closed the page): leave without being run.
        // Once its batch has started, the batch decides it like any other.
        waiting.onAbort = () => {
          const index = this.queue.indexOf(waiting);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(aborted());
        };
        signal.addEventListener("abort", waiting.onAbort, { once: true });
      }
      this.queue.push(waiting);
      this.scheduleStart();
    });
  }

  private scheduleStart() {
    if (this.startScheduled) return;
    this.startScheduled = true;
    setImmediate(() => {
      this.startScheduled = false;
      this.startBatches();
    });
  }

  private startBatches() {
    while (this.running < this.options.maxInFlight) {
      const batch = this.splitGroups.shift() ?? this.queue.splice(0, this.options.maxItems);
      if (batch.length === 0) return;
      for (const waiting of batch) {
        if (waiting.onAbort) waiting.signal?.removeEventListener("abort", waiting.onAbort);
      }
      this.running++;
      this.stats.batches++;
      this.stats.items += batch.length;
      this.options.onBatch?.(batch.length);
      void this.run(batch).finally(() => {
        this.running--;
        this.scheduleStart();
      });
    }
  }

  private async run(batch: Waiting<In, Out>[]) {
    let outcomes: BatchOutcome<Out>[];
    try {
      outcomes = await this.runBatch(
        batch.map((waiting) => waiting.item),
        this.stats,
      );
    } catch (error) {
      if (batch.length > 1 && !isDatabaseUnavailable(error)) {
        // Somebody in this batch broke it: try each half on its own, in the queue's order.
        this.stats.splits++;
        const half = Math.ceil(batch.length / 2);
        this.splitGroups.unshift(batch.slice(0, half), batch.slice(half));
      } else {
        for (const waiting of batch) waiting.reject(error);
      }
      return;
    }
    const deferred: Waiting<In, Out>[] = [];
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (!outcome) waiting.reject(new Error("The batch returned no outcome for this item."));
      else if (outcome.status === "fulfilled") waiting.resolve(outcome.value);
      else if (outcome.status === "rejected") waiting.reject(outcome.reason);
      else deferred.push(waiting);
    });
    // Deferred items go first next time, so the first item of a batch is never deferred again.
    this.queue.unshift(...deferred);
  }
}

function aborted() {
  return new AppError("CLIENT_CLOSED_REQUEST", "The request was cancelled before it ran.");
}

// Prisma's codes for "no connection": can't reach, timed out, closed, pool exhausted, and the
// interactive transaction that could not start in time.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** True when the error is about reaching the database, not about any one request. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as { code?: unknown; kind?: unknown; cause?: unknown };
  if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
  if (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}

/** One batcher per database client (the app has one client; tests have one per database). */
export function batcherPerClient<Client extends object, In, Out>(
  create: (client: Client) => Batcher<In, Out>,
): (client: Client) => Batcher<In, Out> {
  const batchers = new WeakMap<Client, Batcher<In, Out>>();
  return (client) => {
    let batcher = batchers.get(client);
    if (!batcher) {
      batcher = create(client);
      batchers.set(client, batcher);
    }
    return batcher;
  };
}
