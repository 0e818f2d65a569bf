// The waiting-room line of a server process, like its rate limits (rate-limits/from-urls.ts):
// Redis when REDIS_URL is set (every instance shares the line), else the app's PostgreSQL.
import type { Db } from "@openticket/db";
import { Redis } from "ioredis";
import { postgresQueue, type WaitingRoomQueue } from "./queue.ts";
import { redisQueue } from "./redis-queue.ts";

export function waitingRoomQueueFor(options: { redisUrl?: string; db: Db }): WaitingRoomQueue {
  if (!options.redisUrl) return postgresQueue(options.db);
  // Unlike a rate-limit counter, a place in line has no in-memory stand-in: a join while Redis
  // is down fails (and the buyer's page asks again) rather than hand out places twice.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on("error", (error: Error) => console.warn("Waiting-room Redis:", error.message));
  return redisQueue(redis);
}
