// Builds the api package's context for a request: session user, database, live seat feed and
// settings from the environment.
import "server-only";
import { type Context, createContext, SeatChangeFeed } from "@openticket/api";
import { env, requireDatabaseUrl } from "~/env";
import { getSessionUser } from "~/server/auth";
import { getDb } from "~/server/db";

const globalForFeed = globalThis as unknown as { openticketSeatChanges?: SeatChangeFeed };

/** One LISTEN connection per server process, shared by every open seat map. */
export function getSeatChangeFeed(): SeatChangeFeed {
  globalForFeed.openticketSeatChanges ??= new SeatChangeFeed(requireDatabaseUrl());
  return globalForFeed.openticketSeatChanges;
}

export async function createRequestContext(): Promise<Context> {
  return createContext({
    db: getDb(),
    user: await getSessionUser(),
    seatChanges: getSeatChangeFeed(),
    settings: { holdDurationMs: env.HOLD_MINUTES * 60_000 },
  });
}
