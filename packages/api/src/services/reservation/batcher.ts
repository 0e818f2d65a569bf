// Group commit for seat holds and releases. Concurrent calls in one app process share a
// SERIALIZABLE transaction instead of paying for one each: Prisma spends most of a millisecond
// of client CPU on every interactive transaction, which on a small machine capped holds at a
// few hundred per second (docs/performance.md).
//
// No timer: a call starts a batch as soon as the event loop has run what was ready (so calls
// made together, e.g. by requests answered together, share a batch) when fewer than
// `maxInFlight` batches are running; otherwise it queues, and the next batch takes everything
// queued. Batches grow with load and stay at one call when the service is quiet.

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
};

export type BatcherStats = {
  batches: number;
  items: number;
  /** Serialization retries of batch transactions (counted by the batch function). */
  retries: number;
};

type Waiting<In, Out> = {
  item: In;
  resolve: (value: Out) => void;
  reject: (reason: unknown) => void;
};

export class Batcher<In, Out> {
  readonly stats: BatcherStats = { batches: 0, items: 0, retries: 0 };
  private readonly queue: Waiting<In, Out>[] = [];
  private running = 0;
  private startScheduled = false;

  constructor(
    private readonly runBatch: (items: In[], stats: BatcherStats) => Promise<BatchOutcome<Out>[]>,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
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
    while (this.running < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxItems);
      this.running++;
      this.stats.batches++;
      this.stats.items += batch.length;
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
      for (const waiting of batch) waiting.reject(error);
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
