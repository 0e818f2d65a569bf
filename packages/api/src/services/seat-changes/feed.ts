// The live seat-change feed: one LISTEN connection per app instance, fanned out to every
// subscriber of an event. Because changes travel through PostgreSQL NOTIFY, a seat held through
// any instance reaches seat maps served by every other one.
//
// NOTIFY is not stored: whatever is sent while the connection is down is lost. So the feed
// reconnects for as long as anyone listens (jittered, capped backoff), notices a dead peer
// (TCP keepalive, and a heartbeat query for a connection that is open but silent), and after
// every reconnection tells subscribers to resync: fetch the seat map again.
// The heartbeat doubles as a lag probe: it NOTIFYs a channel only this feed listens to, which
// waits in PostgreSQL's one notification queue behind every seat change before it, then in
// this process's event loop, as a seat change would: the time it takes is the feed's lag
// (openticket_seat_feed_lag_seconds), measured on one clock.
import { randomBytes } from "node:crypto";
import { EventEmitter, on } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { metrics } from "../../observability/metrics.ts";
import { SEAT_CHANGES_CHANNEL, type SeatChange, type SeatChangeMessage } from "./publish.ts";

/**
 * What a subscriber receives: changes, or `resync` when updates may have been missed (the feed
 * just (re)connected) and the seat map should be fetched again.
 */
export type SeatChangeBatch = { resync: boolean; changes: SeatChange[] };

export type SeatChangeFeedOptions = {
  /**
   * How often the connection is checked with a query (at most every 5 s, as it also measures
   * the lag); also that query's time limit.
   */
  heartbeatMs?: number;
  /** The longest wait between two connection attempts. */
  maxBackoffMs?: number;
};

/** Shown in pg_stat_activity, so operators (and tests) can tell the feed's connection apart. */
export const SEAT_FEED_APPLICATION_NAME = "openticket-seat-feed";

const RESYNC = "resync";
const EVERY_EVENT = Symbol("every event");

export class SeatChangeFeed {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;
  private subscribers = 0;
  private readonly heartbeatMs: number;
  private readonly maxBackoffMs: number;
  private readonly probeChannel = `seat_feed_probe_${randomBytes(8).toString("hex")}`;

  constructor(
    private readonly connectionString: string,
    options: SeatChangeFeedOptions = {},
  ) {
    this.emitter.setMaxListeners(0);
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  /** Yields batches for one event until `signal` aborts. The first batch is a resync. */
  subscribe(eventId: string, signal?: AbortSignal): AsyncGenerator<SeatChangeBatch> {
    return this.listen(eventId, signal);
  }

  /** Yields the batches of every event (e.g. for the sweeper to hear of new holds). */
  subscribeToAll(signal?: AbortSignal): AsyncGenerator<SeatChangeBatch> {
    return this.listen(EVERY_EVENT, signal);
  }

  /**
   * For readiness checks: "listening" when the LISTEN connection is up, "reconnecting" when
   * someone needs it and it is down, "idle" when nobody has subscribed (nothing to miss).
   */
  get state(): "listening" | "reconnecting" | "idle" {
    if (this.client) return "listening";
    return this.subscribers > 0 || this.connecting ? "reconnecting" : "idle";
  }

  async close() {
    this.closed = true;
    this.stopHeartbeat();
    const client = this.client;
    this.client = null;
    // A half-open connection would never answer the goodbye: do not wait for it for long.
    const ended = client?.end().catch(() => {});
    await Promise.race([ended, sleep(1_000, undefined, { ref: false })]);
  }

  private async *listen(key: string | symbol, signal?: AbortSignal) {
    this.subscribers++;
    try {
      const batches = on(this.emitter, key, { signal });
      const resyncs = on(this.emitter, RESYNC, { signal });
      await this.connect();
      if (this.closed) return;
      yield { resync: true, changes: [] } satisfies SeatChangeBatch;
      yield* merge(batches, resyncs, signal);
    } catch (error) {
      if ((error as { name?: string }).name !== "AbortError") throw error;
    } finally {
      this.subscribers--;
    }
  }

  /** Resolves once listening; retries until it is, or until the feed is closed. */
  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      for (let attempt = 0; !this.closed; attempt++) {
        try {
          this.client = await this.openListeningClient();
          this.startHeartbeat(this.client);
          return;
        } catch {
          // Full jitter on a doubling, capped delay: many instances that lost the database at
          // once do not come back in lockstep.
          const ceiling = Math.min(this.maxBackoffMs, 100 * 2 ** attempt);
          await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, undefined, { ref: false });
        }
      }
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async openListeningClient(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: SEAT_FEED_APPLICATION_NAME,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
    });
    client.on("notification", (notification) => {
      if (notification.channel === this.probeChannel && notification.payload) {
        const lagMs = performance.now() - Number(notification.payload);
        if (lagMs >= 0) metrics.seatFeedLag.observe(lagMs / 1000);
        return;
      }
      if (notification.channel !== SEAT_CHANGES_CHANNEL || !notification.payload) return;
      const message = JSON.parse(notification.payload) as SeatChangeMessage;
      const batch: SeatChangeBatch = { resync: false, changes: message.changes };
      this.emitter.emit(message.eventId, batch);
      this.emitter.emit(EVERY_EVENT, batch);
    });
    // Errors of a client that is not (or no longer) the live one are expected and ignored.
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SEAT_CHANGES_CHANNEL}; LISTEN ${this.probeChannel}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      throw new Error("The seat-change feed was closed.");
    }
    return client;
  }

  /** The live connection broke: drop it, reconnect while anyone listens, then ask for resync. */
  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.stopHeartbeat();
    client.end().catch(() => {});
    if (this.closed || this.subscribers === 0) return;
    void this.connect().then(() => {
      if (this.client) this.emitter.emit(RESYNC);
    });
  }

  /** A half-open connection raises no error; a query that does not come back reveals it. */
  private startHeartbeat(client: pg.Client) {
    this.stopHeartbeat();
    this.heartbeat = setInterval(
      () => {
        const timeout = sleep(this.heartbeatMs, "timeout" as const, { ref: false });
        const probe = client.query("SELECT pg_notify($1, $2)", [
          this.probeChannel,
          String(performance.now()),
        ]);
        Promise.race([probe, timeout]).then(
          (result) => result === "timeout" && this.lost(client),
          () => this.lost(client),
        );
      },
      Math.min(this.heartbeatMs, 5_000),
    );
    this.heartbeat.unref();
  }

  private stopHeartbeat() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
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
