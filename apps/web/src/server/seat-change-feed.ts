// The live seat-change feed of this server process: one LISTEN connection, shared by every open
// seat map and by the hold sweeper.
import { SeatChangeFeed } from "@openticket/api";
import { requireDatabaseUrl } from "~/env";

const globalForFeed = globalThis as unknown as { openticketSeatChanges?: SeatChangeFeed };

export function getSeatChangeFeed(): SeatChangeFeed {
  globalForFeed.openticketSeatChanges ??= new SeatChangeFeed(requireDatabaseUrl());
  return globalForFeed.openticketSeatChanges;
}
