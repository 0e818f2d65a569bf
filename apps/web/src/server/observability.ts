// Logging and metrics of this server process: the log level from LOG_LEVEL, and the parts the
// metrics read when scraped (the database pool, the job queue, open waiting rooms). The request gate registers
// itself in the tRPC route, where it lives.
import {
  jobQueueDepth,
  observeDatabasePool,
  observeJobQueue,
  observeWaitingRooms,
  openWaitingRooms,
  setLogLevel,
} from "@openticket/api";
import { connectionPoolOf } from "@openticket/db";
import { env } from "~/env";
import { getDb } from "~/server/db";

export function startObservability() {
  setLogLevel(env.LOG_LEVEL);
  if (!env.DATABASE_URL) return;
  const pool = connectionPoolOf(getDb());
  if (pool) observeDatabasePool(pool);
  observeJobQueue(() => jobQueueDepth(getDb()));
  observeWaitingRooms(async () => {
    // Loaded when first scraped: the request context module brings next-auth with it.
    const { getWaitingRoomQueue } = await import("~/server/api-context");
    return openWaitingRooms(getDb(), getWaitingRoomQueue(), new Date());
  });
}
