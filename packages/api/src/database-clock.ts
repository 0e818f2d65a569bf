// The application's clock, set by the database's. Holds are written with the app's time and
// compared in SQL with PostgreSQL's (the sweeper uses now()), so an app server whose clock
// drifts would hand out holds that end early or late, and instances would disagree. This
// measures the offset between this process's clock and PostgreSQL's clock_timestamp() (the
// midpoint of the round trip, best of a few tries), refreshes it periodically, and `now()` is
// local time plus that offset: no query per call.
import type { Db } from "@openticket/db";

export type DatabaseClockOptions = {
  /** How often the offset is measured again. */
  refreshMs?: number;
  /** Round trips per measurement; the shortest one is kept (the least uncertain). */
  samples?: number;
  /** This process's clock, in epoch ms (tests skew it). */
  localNow?: () => number;
  onError?: (error: unknown) => void;
};

export class DatabaseClock {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly localNow: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: DatabaseClockOptions = {},
  ) {
    this.localNow = options.localNow ?? Date.now;
  }

  /** The database's time, as closely as one round trip can tell. */
  readonly now = (): Date => new Date(this.localNow() + this.offsetMs);

  /** Measures the offset now. */
  async sync(): Promise<void> {
    let best = { roundTripMs: Number.POSITIVE_INFINITY, offsetMs: 0 };
    for (let sample = 0; sample < (this.options.samples ?? 5); sample++) {
      const sent = this.localNow();
      const [row] = await this.db.$queryRaw<{ ms: number }[]>`
        SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms`;
      const received = this.localNow();
      if (row && received - sent < best.roundTripMs) {
        best = { roundTripMs: received - sent, offsetMs: row.ms - (sent + received) / 2 };
      }
    }
    this.offsetMs = best.offsetMs;
  }

  /** Syncs, then again every `refreshMs`; resolves after the first try (which may fail). */
  async start(): Promise<void> {
    const sync = () => this.sync().catch((error) => this.options.onError?.(error));
    this.timer ??= setInterval(sync, this.options.refreshMs ?? 60_000);
    this.timer.unref();
    await sync();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
