// The live seat-change feed: one LISTEN connection per app instance, fanned out to every
// subscriber of an event. Because changes travel through PostgreSQL NOTIFY, a seat held through
// any instance reaches seat maps served by every other one.
import { EventEmitter, on } from "node:events";
import pg from "pg";
import { SEAT_CHANGES_CHANNEL, type SeatChange, type SeatChangeMessage } from "./publish.ts";

/**
 * What a subscriber receives: changes, or `resync` when updates may have been missed (the feed
 * just (re)connected) and the seat map should be fetched again.
 */
export type SeatChangeBatch = { resync: boolean; changes: SeatChange[] };

export class SeatChangeFeed {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private subscribers = 0;

  constructor(private readonly connectionString: string) {
    this.emitter.setMaxListeners(0);
  }

  /** Yields batches for one event until `signal` aborts. The first batch is a resync. */
  async *subscribe(eventId: string, signal?: AbortSignal): AsyncGenerator<SeatChangeBatch> {
    this.subscribers++;
    try {
      const batches = on(this.emitter, eventId, { signal });
      const resyncs = on(this.emitter, "resync", { signal });
      await this.connect();
      yield { resync: true, changes: [] };
      yield* merge(batches, resyncs, signal);
    } catch (error) {
      if ((error as { name?: string }).name !== "AbortError") throw error;
    } finally {
      this.subscribers--;
    }
  }

  async close() {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on("notification", (notification) => {
        if (notification.channel !== SEAT_CHANGES_CHANNEL || !notification.payload) return;
        const message = JSON.parse(notification.payload) as SeatChangeMessage;
        this.emitter.emit(message.eventId, {
          resync: false,
          changes: message.changes,
        } satisfies SeatChangeBatch);
      });
      const reconnect = () => {
        if (this.client !== client) return;
        this.client = null;
        client.end().catch(() => {});
        if (this.closed || this.subscribers === 0) return;
        setTimeout(() => {
          this.connect()
            .then(() => this.emitter.emit("resync"))
            .catch(reconnect);
        }, 1_000).unref();
      };
      client.on("error", reconnect);
      client.on("end", reconnect);
      await client.connect();
      await client.query(`LISTEN ${SEAT_CHANGES_CHANNEL}`);
      this.client = client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }
}

async function* merge(
  batches: AsyncIterableIterator<unknown[]>,
  resyncs: AsyncIterableIterator<unknown[]>,
  signal?: AbortSignal,
): AsyncGenerator<SeatChangeBatch> {
  let nextBatch = batches.next();
  let nextResync = resyncs.next();
  while (!signal?.aborted) {
    const winner = await Promise.race([
      nextBatch.then((result) => ({ kind: "batch" as const, result })),
      nextResync.then((result) => ({ kind: "resync" as const, result })),
    ]);
    if (winner.result.done) return;
    if (winner.kind === "batch") {
      yield winner.result.value[0] as SeatChangeBatch;
      nextBatch = batches.next();
    } else {
      yield { resync: true, changes: [] };
      nextResync = resyncs.next();
    }
  }
}
