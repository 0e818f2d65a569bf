// Whether this app process should get traffic from a load balancer (GET /api/health/ready):
// its database answers, and its live seat-change feed is listening (a process whose feed is
// down would serve seat maps that never update). Liveness (/api/health/live) checks nothing:
// a process that can answer is alive; restarting it because the database is down would not help.
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@openticket/db";
import type { SeatChangeFeed } from "../seat-changes/feed.ts";

export type Readiness = {
  ready: boolean;
  database: "up" | "down";
  seatFeed: SeatChangeFeed["state"] | "off";
};

/** Checks both at once; the database gets `timeoutMs` to answer `SELECT 1`. */
export async function checkReadiness(
  db: Db,
  feed: SeatChangeFeed | null,
  { timeoutMs = 2_000 }: { timeoutMs?: number } = {},
): Promise<Readiness> {
  const answered = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  const database = (await Promise.race([answered, sleep(timeoutMs, false, { ref: false })]))
    ? "up"
    : "down";
  const seatFeed = feed ? feed.state : "off";
  return { ready: database === "up" && seatFeed !== "reconnecting", database, seatFeed };
}
