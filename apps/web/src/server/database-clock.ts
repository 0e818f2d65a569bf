// This server process's clock, set by the database's (see DatabaseClock): every request's
// `now` and the hold sweeper read it, so holds start and end by one clock on every instance.
import { DatabaseClock, logger } from "@openticket/api";
import { getDb } from "~/server/db";

const globalForClock = globalThis as unknown as { openticketClock?: Promise<DatabaseClock> };

/** Resolves once the offset has been measured (or the first try failed: then local time). */
export function getDatabaseClock(): Promise<DatabaseClock> {
  globalForClock.openticketClock ??= (async () => {
    const clock = new DatabaseClock(getDb(), {
      onError: (error) => logger.error({ err: error }, "reading the database clock failed"),
    });
    await clock.start();
    return clock;
  })();
  return globalForClock.openticketClock;
}
